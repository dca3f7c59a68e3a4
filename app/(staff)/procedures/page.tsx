import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProcedureQuickSearch } from "@/components/procedures/procedure-quick-search";
import { type ProcedureRow, ProceduresTable } from "@/components/procedures/procedures-table";
import { linkButtonClass } from "@/components/procedures/link-class";
import { optionsOf } from "@/components/ui/field";
import { FilterSelect, filterControl } from "@/components/ui/filter-bar";
import { pageInfo } from "@/components/ui/page-info";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatFee, formatProcessingTime } from "@/lib/procedures/format";
import { listProcedureFields, listProcedures } from "@/lib/procedures/queries";

export default async function ProceduresPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePage("procedures.read");
  const m = await getTranslations();
  const t = await getTranslations("procedures");
  const messages = await getMessages();
  const sp = await searchParams;
  const query = Object.fromEntries(
    Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
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
        title={t("title")}
        actions={
          can(me, "procedures.manage") ? (
            <Link href="/procedures/new" className={linkButtonClass()}>
              {t("create")}
            </Link>
          ) : null
        }
      >
        {t("subtitle")}
      </PageHeader>
      {/* Keyed by the query so "clear" and back/forward reset the uncontrolled inputs to the URL's values. */}
      <form
        key={JSON.stringify(result.query)}
        className="mb-4 flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-4"
        role="search"
        action="/procedures"
      >
        {/*
          The button sits beside the box: the suggestion list opens below it and must not cover the button. On a
          phone the pair takes the card's width and the box gives way, so the button stays inside the card.
        */}
        <div className="flex w-full items-start gap-2 sm:w-auto">
          <ProcedureQuickSearch
            initialText={result.query.q ?? ""}
            labels={{
              ...messages.procedures.picker,
              label: t("searchLabel"),
              placeholder: t("searchPlaceholder"),
              hint: t("picker.listHint"),
            }}
          />
          <button type="submit" className={`mt-6 shrink-0 ${linkButtonClass()}`}>
            {m("common.search")}
          </button>
        </div>
        <FilterSelect
          label={t("fieldFilter")}
          name="field"
          defaultValue={result.query.field ?? ""}
          options={[{ value: "", label: t("allFields") }, ...fields.map((f) => ({ value: f, label: f }))]}
          className={`max-w-xs ${filterControl}`}
        />
        <FilterSelect
          label={t("statusFilter")}
          name="status"
          defaultValue={result.query.status}
          options={optionsOf(messages.procedures.statuses)}
        />
        <div className="flex items-center gap-2 sm:mt-6">
          <Link href="/procedures" className="px-2 py-2 text-sm text-brand-700 underline">
            {m("common.clear")}
          </Link>
        </div>
      </form>
      <ProceduresTable rows={rows} result={pageInfo(result)} />
    </div>
  );
}
