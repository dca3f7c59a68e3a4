import type { Translator } from "@/lib/i18n";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/admin/audit-table";
import { DayInput } from "@/components/ui/day-input";
import { FilterBar, FilterField, filterControl, FilterSelect } from "@/components/ui/filter-bar";
import { pageInfo } from "@/components/ui/page-info";
import { PageHeader } from "@/components/ui/page-header";
import { auditActions, isAuditAction } from "@/lib/audit/actions";
import { listAudit } from "@/lib/audit/list";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

/** The catalogue's label for an audit action ("dossier.receive"); the code only for an action no longer written. */
function auditActionLabel(m: Translator, action: string): string {
  return isAuditAction(action) ? m(`desk.auditActions.${action}`) : action;
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
  const actionOptions = auditActions
    .map((a) => ({ value: a, label: auditActionLabel(m, a) }))
    .sort((a, b) => a.label.localeCompare(b.label, "vi"));
  return (
    <div className="max-w-7xl">
      <PageHeader title={m("audit.title")} />
      <FilterBar clearHref="/admin/audit" filterLabel={m("common.filter")} clearLabel={m("common.clear")}>
        <FilterField label={m("common.search")} wide>
          <input
            name="q"
            defaultValue={sp.q ?? ""}
            placeholder={m("audit.searchPlaceholder")}
            className={filterControl}
          />
        </FilterField>
        <FilterSelect
          label={m("audit.action")}
          name="action"
          defaultValue={sp.action ?? ""}
          options={[{ value: "", label: m("audit.allActions") }, ...actionOptions]}
        />
        {(["from", "to"] as const).map((k) => (
          <FilterField key={k} label={m(`common.${k}`)}>
            <DayInput name={k} defaultValue={sp[k]} hint={m("desk.dateHint")} className={filterControl} />
          </FilterField>
        ))}
      </FilterBar>
      <AuditTable
        result={pageInfo(result)}
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
