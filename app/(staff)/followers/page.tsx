import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { FollowerTable } from "@/components/announcements/follower-table";
import { buttonClass } from "@/components/ui/button-class";
import { DayInput } from "@/components/ui/day-input";
import { FilterBar, FilterField, FilterSelect, filterControl } from "@/components/ui/filter-bar";
import { InlineAction } from "@/components/ui/inline-action";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import {
  FOLLOWER_PAGE_SIZE,
  followerPhoneStates,
  followerTags,
  listFollowers,
  parseFollowerFilter,
} from "@/lib/followers/list";
import { type FollowerSyncView, followerSyncState } from "@/lib/followers/sync";
import type { Translator } from "@/lib/i18n";
import { posterUnits } from "@/lib/announcements/poster";
import { displayVnPhone } from "@/lib/phone";
import { dayFromInput } from "@/lib/day-input";
import { startSyncAction } from "./actions";

export const dynamic = "force-dynamic";

/** The A4 poster: straight to the PDF for one unit; a choice of unit for staff whose scope holds several. */
function PosterPicker({ units }: { units: { id: number; name: string }[] }) {
  const t = useTranslations("announcements");
  if (units.length <= 1) {
    return (
      <a className={buttonClass("secondary")} href={`/followers/poster.pdf${units[0] ? `?unit=${units[0].id}` : ""}`}>
        {t("poster")}
      </a>
    );
  }
  return (
    <form action="/followers/poster.pdf" method="get" className="flex items-center gap-2" data-testid="poster-picker">
      <select name="unit" aria-label={t("posterUnit")} className={`min-w-0 bg-white text-sm ${filterControl}`}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <button type="submit" className={buttonClass("secondary")} title={t("poster")}>
        {t("posterDownload")}
      </button>
    </form>
  );
}

/** The sync in the office's words; a refused call keeps its reason on screen until a later page succeeds. */
function syncLines(m: Translator, s: FollowerSyncView): { text: string; error?: string } {
  const k = "announcements.syncLine";
  switch (s.kind) {
    case "never":
      return { text: m(`${k}.never`) };
    case "running":
      return {
        text:
          s.total == null
            ? m(`${k}.runningNoTotal`, { processed: s.processed })
            : m(`${k}.running`, { processed: s.processed, total: s.total }),
        error: s.error ? m(`${k}.retrying`, { error: s.error }) : undefined,
      };
    case "done":
      return {
        text: m(s.failed ? `${k}.doneWithFailed` : `${k}.done`, {
          at: formatDateTime(s.finishedAt),
          processed: s.processed,
          failed: s.failed,
        }),
      };
    case "failed":
      return {
        text: "",
        error: m(`${k}.failed`, { processed: s.processed, error: s.error ?? m(`${k}.unknownError`) }),
      };
  }
}

export default async function FollowersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePage("announcements.read");
  const m = await getTranslations();
  const t = await getTranslations("announcements");
  const sp = await searchParams;
  const filter = parseFollowerFilter({ ...sp, since: sp.since ? String(dayFromInput(sp.since)) : sp.since });
  const [{ counts, items, page }, tags, sync, posterChoices] = await Promise.all([
    listFollowers(me, filter),
    followerTags(me),
    followerSyncState(me),
    posterUnits(me),
  ]);
  const exportParams = new URLSearchParams(
    Object.entries(filter)
      .filter(([k, v]) => k !== "page" && v != null)
      .map(([k, v]) => [k, String(v)]),
  );
  const line = syncLines(m, sync);
  const all = { value: "", label: t("all") };
  return (
    <div className="min-w-0 max-w-6xl">
      <PageHeader
        title={t("followersTitle")}
        actions={
          <>
            <a
              className={buttonClass("secondary")}
              href={`/followers/export.csv?${exportParams.toString()}`}
              data-testid="export-csv"
            >
              {t("exportCsv")}
            </a>
            <PosterPicker units={posterChoices} />
          </>
        }
      >
        {t("followersIntro")}
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <div data-testid="sync-state">
          {line.text ? <p>{line.text}</p> : null}
          {line.error ? (
            <p className="text-red-800" role="status" data-testid="sync-error">
              {line.error}
            </p>
          ) : null}
        </div>
        {can(me, "announcements.write") || can(me, "announcements.approve") ? (
          <InlineAction action={startSyncAction} label={t("sync")} />
        ) : null}
      </div>
      <FilterBar clearHref="/followers" filterLabel={m("common.filter")} clearLabel={m("common.clear")}>
        <FilterField label={m("common.search")}>
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder={t("search")}
            className={`w-64 max-w-full ${filterControl}`}
          />
        </FilterField>
        <FilterSelect
          label={t("colFollowing")}
          name="following"
          defaultValue={filter.following ?? ""}
          options={[all, { value: "yes", label: t("following") }, { value: "no", label: t("notFollowing") }]}
        />
        <FilterSelect
          label={t("colPhone")}
          name="phone"
          defaultValue={filter.phone ?? ""}
          options={[all, ...followerPhoneStates.map((s) => ({ value: s, label: t(`phoneStates.${s}`) }))]}
        />
        <FilterSelect
          label={t("colTags")}
          name="tag"
          defaultValue={filter.tag ?? ""}
          options={[all, ...tags.map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))]}
        />
        <FilterSelect
          label={t("colLast")}
          name="recency"
          defaultValue={filter.recency ?? ""}
          options={[
            all,
            { value: "48h", label: t("recency48h") },
            { value: "7d", label: t("recency7d") },
            { value: "older", label: t("older") },
          ]}
        />
        <FilterField label={t("since")}>
          <DayInput
            name="since"
            defaultValue={filter.since ?? ""}
            hint={m("desk.dateHint")}
            className={filterControl}
          />
        </FilterField>
      </FilterBar>
      <p className="mb-2 text-sm" data-testid="follower-counts">
        {t("total")}: <b>{counts.total}</b> · {t("following")}: <b>{counts.following}</b> · {t("linked")}:{" "}
        <b>{counts.linked}</b> · {t("phoneStates.pending")}: <b>{counts.pending}</b>
      </p>
      <FollowerTable
        result={{ total: counts.total, page, pageSize: FOLLOWER_PAGE_SIZE }}
        rows={items.map((f) => ({
          id: f.id,
          name: f.displayName,
          following: f.following,
          phone: f.phone84 ? displayVnPhone(f.phone84) : null,
          claim: f.claim ? { masked: f.claim.masked, codeSentAt: formatDateTime(f.claim.codeSentAt) } : null,
          tags: f.tags.join(", "),
          last: formatDateTime(f.lastInteractionAt),
        }))}
      />
    </div>
  );
}
