import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DossierTable } from "@/components/dossiers/dossier-table";
import { buttonClass } from "@/components/ui/button-class";
import { DayInput } from "@/components/ui/day-input";
import { pageInfo } from "@/components/ui/page-info";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { onTimeStates } from "@/lib/dossiers/on-time";
import { dossierChannels, dossierStatuses, listDossiers, listFilterOptions } from "@/lib/dossiers/list";

// w-full min-w-0: a long procedure name in a select must not widen the page past a phone's screen.
const control = "w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

function FilterSelect({
  name,
  label,
  value,
  items,
  all,
}: {
  name: string;
  label: string;
  value?: string | number;
  items: [string, string][];
  all: string;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-semibold text-slate-700">
      {label}
      <select name={name} defaultValue={value == null ? "" : String(value)} className={control}>
        <option value="">{all}</option>
        {items.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function DossiersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePage("dossiers.read");
  const m = await getTranslations();
  const t = await getTranslations("dossiers.list");
  const sp = await searchParams;
  const [data, options] = await Promise.all([listDossiers(me, sp), listFilterOptions(me)]);
  const q = data.query;
  const exportParams = new URLSearchParams(
    Object.entries(q)
      .filter(([k, v]) => v != null && k !== "page" && k !== "pageSize")
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="min-w-0 max-w-7xl">
      <PageHeader
        title={t("title")}
        actions={
          <>
            {can(me, "dossiers.create") ? (
              <Link className={buttonClass()} href="/dossiers/new">
                {t("newDossier")}
              </Link>
            ) : null}
            {can(me, "dossiers.export") ? (
              <a
                className={buttonClass("secondary")}
                href={`/dossiers/export.csv?${exportParams.toString()}`}
                data-testid="export-csv"
              >
                {t("exportCsv")}
              </a>
            ) : null}
          </>
        }
      />
      <form
        method="get"
        className={
          "mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 " +
          "lg:grid-cols-4"
        }
        role="search"
      >
        <label className="flex min-w-0 flex-col gap-1 text-xs font-semibold text-slate-700 sm:col-span-2">
          {m("common.search")}
          <input type="search" name="q" defaultValue={q.q ?? ""} placeholder={t("search")} className={control} />
        </label>
        <FilterSelect
          all={t("all")}
          name="status"
          label={t("status")}
          value={q.status}
          items={dossierStatuses.map((s) => [s, m(`dossiers.statuses.${s}`)])}
        />
        <FilterSelect
          all={t("all")}
          name="onTime"
          label={t("onTime")}
          value={q.onTime}
          items={onTimeStates.filter((s) => s !== "none").map((s) => [s, m(`dossiers.onTime.${s}`)])}
        />
        <FilterSelect
          all={t("all")}
          name="procedureId"
          label={t("procedure")}
          value={q.procedureId}
          items={options.procedures.map((p) => [String(p.id), p.name])}
        />
        <FilterSelect
          all={t("all")}
          name="field"
          label={t("field")}
          value={q.field}
          items={options.fields.map((f) => [f, f])}
        />
        <FilterSelect
          all={t("all")}
          name="channel"
          label={t("channel")}
          value={q.channel}
          items={dossierChannels.map((c) => [c, m(`dossiers.channels.${c}`)])}
        />
        <FilterSelect
          all={t("all")}
          name="zalo"
          label={t("zalo")}
          value={q.zalo}
          items={[
            ["yes", t("zaloYes")],
            ["no", t("zaloNo")],
          ]}
        />
        <label className="flex min-w-0 flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("from")}
          <DayInput name="from" defaultValue={q.from} hint={m("desk.dateHint")} className={control} />
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("to")}
          <DayInput name="to" defaultValue={q.to} hint={m("desk.dateHint")} className={control} />
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass()}>
            {t("apply")}
          </button>
          <Link href="/dossiers" className="text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        </div>
      </form>
      <DossierTable rows={data.rows} result={pageInfo(data)} />
    </div>
  );
}
