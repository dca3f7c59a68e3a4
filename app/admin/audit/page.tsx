import type { Translator } from "@/lib/i18n";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { DayInput } from "@/components/ui/day-input";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/audit/list";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

/** The catalogue's label for an audit action ("dossier.receive"), or the action itself when it has none. */
function auditActionLabel(m: Translator, action: string): string {
  const key = `desk.auditActions.${action}` as Parameters<Translator>[0];
  return m.has(key) ? m(key) : action;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePage("audit.read");
  const m = await getTranslations();
  const sp = await searchParams;
  const query = Object.fromEntries(Object.entries(sp).filter(([, v]) => v));
  const result = await listAudit(me, query);
  return (
    <div className="max-w-7xl">
      <PageHeader title={m("audit.title")} />
      <form
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        role="search"
      >
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{m("common.search")}</span>
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={m("audit.searchPlaceholder")}
            className="w-72 rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{m("audit.action")}</span>
          <input
            name="action"
            defaultValue={sp.action ?? ""}
            placeholder="staff.create"
            className="rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{m("common.from")}</span>
          <DayInput
            name="from"
            defaultValue={sp.from}
            hint={m("desk.dateHint")}
            className="rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{m("common.to")}</span>
          <DayInput
            name="to"
            defaultValue={sp.to}
            hint={m("desk.dateHint")}
            className="rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          {m("common.filter")}
        </button>
        <Link href="/admin/audit" className="px-2 py-2 text-sm text-brand-700 underline">
          {m("common.clear")}
        </Link>
      </form>
      <AuditTable
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        rows={result.rows.map((r) => ({
          id: r.id,
          at: formatDateTime(r.at),
          actorLabel: r.actorLabel,
          action: r.action,
          actionLabel: auditActionLabel(m, r.action),
          entity: `${r.entityType}${r.entityId ? ` #${r.entityId}` : ""}`,
          summary: r.summary,
          ip: r.ip,
        }))}
      />
    </div>
  );
}
