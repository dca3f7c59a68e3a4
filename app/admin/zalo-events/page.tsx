import { getTranslations } from "next-intl/server";
import { FilterBar, FilterField, filterControl, FilterSelect } from "@/components/ui/filter-bar";
import { EventsTable } from "@/components/events/events-table";
import { pageInfo } from "@/components/ui/page-info";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/config";
import { listZaloEvents, zaloEventStatuses } from "@/lib/zalo-webhook/list";
import { formatDateTime } from "@/lib/format";
import { requeueZaloEventAction } from "./actions";

export default async function ZaloEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePage("zalo.events.read");
  const m = await getTranslations();
  const sp = await searchParams;
  const result = await listZaloEvents(me, Object.fromEntries(Object.entries(sp).filter(([, v]) => v)));
  return (
    <div className="max-w-7xl">
      <PageHeader title={m("events.title")}>{m("events.intro")}</PageHeader>
      <p className="mb-4 text-sm">
        {m("events.webhookUrl")}: <code className="rounded bg-slate-100 px-1">{publicBaseUrl()}/api/zalo/webhook</code>
      </p>
      <FilterBar clearHref="/admin/zalo-events" filterLabel={m("common.filter")} clearLabel={m("common.clear")}>
        <FilterSelect
          label={m("events.status")}
          name="status"
          defaultValue={sp.status ?? ""}
          options={[
            { value: "", label: m("events.allStatuses") },
            ...zaloEventStatuses.map((s) => ({
              value: s,
              label: `${m(`events.statuses.${s}`)} (${result.counts[s] ?? 0})`,
            })),
          ]}
        />
        <FilterField label={m("events.event")}>
          <input
            name="eventName"
            defaultValue={sp.eventName ?? ""}
            placeholder={m("events.eventNamePlaceholder")}
            className={filterControl}
          />
        </FilterField>
      </FilterBar>
      <EventsTable
        result={pageInfo(result)}
        requeueAction={can(me, "zalo.settings") ? requeueZaloEventAction : undefined}
        rows={result.rows.map((r) => ({
          id: r.id,
          eventName: r.eventName,
          sender: r.senderId ?? "",
          receivedAt: formatDateTime(r.receivedAt),
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          when: r.processedAt
            ? formatDateTime(r.processedAt)
            : r.status === "pending"
              ? formatDateTime(r.nextAttemptAt)
              : "",
        }))}
      />
    </div>
  );
}
