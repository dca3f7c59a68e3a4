import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EventsTable } from "@/components/events/events-table";
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
      <form
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        role="search"
      >
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{m("events.status")}</span>
          <select name="status" defaultValue={sp.status ?? ""} className="rounded-md border border-slate-400 px-3 py-2">
            <option value="">{m("events.allStatuses")}</option>
            {zaloEventStatuses.map((s) => (
              <option key={s} value={s}>
                {m(`events.statuses.${s}`)} ({result.counts[s] ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{m("events.event")}</span>
          <input
            name="eventName"
            defaultValue={sp.eventName ?? ""}
            placeholder={m("events.eventNamePlaceholder")}
            className="rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          {m("common.filter")}
        </button>
        <Link href="/admin/zalo-events" className="px-2 py-2 text-sm text-brand-700 underline">
          {m("common.clear")}
        </Link>
      </form>
      <EventsTable
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
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
