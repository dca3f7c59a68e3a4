import Link from "next/link";
import { type ProcedureRow, ProceduresTable } from "@/components/procedures/procedures-table";
import { linkButtonClass } from "@/components/procedures/link-class";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";
import { formatFee, formatProcessingTime } from "@/lib/procedures/format";
import { listProcedureFields, listProcedures } from "@/lib/procedures/queries";

export default async function ProceduresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePage("procedures.read");
  const m = await getMessages();
  const t = m.procedures;
  const sp = await searchParams;
  const query = Object.fromEntries(Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const [result, fields] = await Promise.all([listProcedures(me, query), listProcedureFields(me)]);
  const rows: ProcedureRow[] = result.rows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    processingTime: formatProcessingTime(p, m),
    fee: formatFee(p, m),
    active: p.active,
  }));
  return (
    <div className="max-w-7xl">
      <PageHeader
        title={t.title}
        actions={
          can(me, "procedures.manage") ? (
            <Link href="/procedures/new" className={linkButtonClass()}>
              {t.create}
            </Link>
          ) : null
        }
      >
        {t.subtitle}
      </PageHeader>
      <form className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" role="search" action="/procedures">
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{t.searchLabel}</span>
          <input type="search" name="q" defaultValue={result.query.q ?? ""} placeholder={t.searchPlaceholder} className="w-80 rounded-md border border-slate-400 px-3 py-2" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{t.fieldFilter}</span>
          <select name="field" defaultValue={result.query.field ?? ""} className="max-w-xs rounded-md border border-slate-400 px-3 py-2">
            <option value="">{t.allFields}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{t.statusFilter}</span>
          <select name="status" defaultValue={result.query.status} className="rounded-md border border-slate-400 px-3 py-2">
            {(Object.entries(t.statuses) as [string, string][]).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={linkButtonClass()}>
          {m.common.search}
        </button>
        <Link href="/procedures" className="px-2 py-2 text-sm text-brand-700 underline">
          {m.common.clear}
        </Link>
      </form>
      <ProceduresTable m={m} rows={rows} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
