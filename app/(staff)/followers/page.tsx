import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, THead, Td, Th, Tr } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button-class";
import { InlineAction } from "@/components/ui/inline-action";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { FOLLOWER_PAGE_SIZE, followerTags, listFollowers, parseFollowerFilter } from "@/lib/followers/list";
import { followerSyncState } from "@/lib/followers/sync";
import { posterUnits } from "@/lib/announcements/poster";
import { displayVnPhone } from "@/lib/phone";
import { dayFromInput } from "@/lib/day-input";
import { DayInput } from "@/components/ui/day-input";
import { startSyncAction } from "./actions";

export const dynamic = "force-dynamic";

const select = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

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
      <select name="unit" aria-label={t("posterUnit")} className={select}>
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
  const { counts, items, page } = await listFollowers(me, filter);
  const tags = await followerTags(me);
  const sync = await followerSyncState(me);
  const posterChoices = await posterUnits(me);
  const params = new URLSearchParams(
    Object.entries(filter)
      .filter(([k, v]) => k !== "page" && v != null)
      .map(([k, v]) => [k, String(v)]),
  );
  const pages = Math.max(1, Math.ceil(counts.total / FOLLOWER_PAGE_SIZE));
  const pageLink = (p: number) =>
    `/followers?${new URLSearchParams([...params.entries(), ["page", String(p)]]).toString()}`;
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t("followersTitle")}
        actions={
          <>
            <a className={buttonClass("secondary")} href={`/followers/export.csv?${params.toString()}`}>
              {t("exportCsv")}
            </a>
            <PosterPicker units={posterChoices} />
          </>
        }
      >
        {t("followersIntro")}
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-center gap-4 text-sm">
        <span data-testid="sync-state">
          {t("syncState", { status: sync.status, processed: sync.processed, total: sync.total ?? "?" })}
          {sync.lastError ? ` — ${sync.lastError}` : ""}
        </span>
        {can(me, "announcements.write") || can(me, "announcements.approve") ? (
          <InlineAction action={startSyncAction} label={t("sync")} />
        ) : null}
      </div>
      <form className="mb-4 flex flex-wrap items-end gap-2" method="get">
        <input
          name="q"
          defaultValue={filter.q ?? ""}
          placeholder={t("search")}
          aria-label={t("search")}
          className={`${select} w-64`}
        />
        <select
          name="following"
          defaultValue={filter.following ?? ""}
          aria-label={t("colFollowing")}
          className={select}
        >
          <option value="">
            {t("colFollowing")}: {t("all")}
          </option>
          <option value="yes">{t("following")}</option>
          <option value="no">{t("notFollowing")}</option>
        </select>
        <select name="linked" defaultValue={filter.linked ?? ""} aria-label={t("colPhone")} className={select}>
          <option value="">
            {t("colPhone")}: {t("all")}
          </option>
          <option value="yes">{t("linked")}</option>
          <option value="no">{t("notLinked")}</option>
        </select>
        <select name="tag" defaultValue={filter.tag ?? ""} aria-label={t("colTags")} className={select}>
          <option value="">
            {t("colTags")}: {t("all")}
          </option>
          {tags.map((x) => (
            <option key={x.tag} value={x.tag}>
              {x.tag} ({x.count})
            </option>
          ))}
        </select>
        <select name="recency" defaultValue={filter.recency ?? ""} aria-label={t("colLast")} className={select}>
          <option value="">
            {t("colLast")}: {t("all")}
          </option>
          <option value="48h">{t("recency48h")}</option>
          <option value="7d">{t("recency7d")}</option>
          <option value="older">{t("older")}</option>
        </select>
        <label className="text-sm">
          {t("since")}{" "}
          <DayInput name="since" defaultValue={filter.since ?? ""} hint={m("desk.dateHint")} className={select} />
        </label>
        <button className={buttonClass()} type="submit">
          {t("filter")}
        </button>
      </form>
      <p className="mb-2 text-sm" data-testid="follower-counts">
        {t("total")}: <b>{counts.total}</b> · {t("following")}: <b>{counts.following}</b> · {t("linked")}:{" "}
        <b>{counts.linked}</b>
      </p>
      <Table>
        <THead>
          {[t("colName"), t("colFollowing"), t("colPhone"), t("colTags"), t("colLast")].map((h) => (
            <Th key={h}>{h}</Th>
          ))}
        </THead>
        <tbody>
          {items.map((f) => (
            <Tr key={f.id} data-testid="follower-row">
              <Td>
                <Link className="text-brand-700 underline" href={`/followers/${f.id}`}>
                  {f.displayName ?? "—"}
                </Link>
              </Td>
              <Td>{f.following ? t("following") : t("notFollowing")}</Td>
              <Td>{f.phone84 ? displayVnPhone(f.phone84) : ""}</Td>
              <Td>{f.tags.join(", ")}</Td>
              <Td>{formatDateTime(f.lastInteractionAt)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <nav className="mt-3 flex gap-3 text-sm">
        {page > 1 ? (
          <Link className="underline" href={pageLink(page - 1)}>
            ‹
          </Link>
        ) : null}
        <span>
          {page}/{pages}
        </span>
        {page < pages ? (
          <Link className="underline" href={pageLink(page + 1)}>
            ›
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
