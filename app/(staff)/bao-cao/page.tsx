import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { StackedBars, TrendChart } from "@/components/reports/charts";
import { PrintButton } from "@/components/reports/print-button";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { requirePage } from "@/lib/auth/session";
import { ServiceError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { dashboardCharts } from "@/lib/reports/charts";
import type { DossierMetric } from "@/lib/reports/direct";
import { dashboard } from "@/lib/reports/figures";
import { statutoryReport } from "@/lib/reports/statutory";
import { statutoryColumns } from "@/lib/reports/statutory";
import { reportUnits } from "@/lib/reports/units";
import { dayFromInput } from "@/lib/day-input";
import { DayInput } from "@/components/ui/day-input";
import { Table, Td, Th, ThRow } from "@/components/ui/table";

const grid = "border border-slate-300 px-2 py-1";

export const dynamic = "force-dynamic";

type Search = { from?: string; to?: string; unit?: string; by?: string };

const pct = (v: number | null) =>
  v == null ? "—" : `${(v * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
const num = (v: number) => v.toLocaleString("vi-VN");

function query(q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  return p.toString();
}

function Stat({
  label,
  value,
  href,
  testId,
  children,
}: {
  label: string;
  value: string;
  href?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-3">
      <div className="text-sm text-slate-600">{label}</div>
      {href ? (
        <Link
          href={href}
          className="text-2xl font-bold text-brand-800 underline decoration-dotted underline-offset-4"
          data-testid={testId}
        >
          {value}
        </Link>
      ) : (
        <div className="text-2xl font-bold text-slate-900" data-testid={testId}>
          {value}
        </div>
      )}
      {children ? <div className="mt-1 text-xs text-slate-600">{children}</div> : null}
    </div>
  );
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = await requirePage("reports.read");
  const m = await getTranslations();
  const t = await getTranslations("reports");
  const sp = await searchParams;
  const day = (v?: string) => (v ? String(dayFromInput(v)) : undefined);
  const raw = { from: day(sp.from), to: day(sp.to), unit: sp.unit || undefined };
  const units = await reportUnits(me);
  let d, charts, report;
  try {
    [d, charts, report] = await Promise.all([
      dashboard(me, raw),
      dashboardCharts(me, raw),
      statutoryReport(me, { ...raw, by: sp.by === "field" ? "field" : "unit" }),
    ]);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    const message = err instanceof ValidationError ? Object.values(err.fieldErrors).join(" ") : err.message;
    return (
      <div className="max-w-6xl">
        <PageHeader title={t("title")}>{t("intro")}</PageHeader>
        <Alert tone="error">{message}</Alert>
        <Link href="/bao-cao" className="text-brand-700 underline">
          {t("drill.back")}
        </Link>
      </div>
    );
  }
  const base = { from: d.period.from, to: d.period.to, unit: d.unit ? String(d.unit.id) : undefined };
  const drill = (metric: DossierMetric) => `/bao-cao/chi-tiet?${query({ ...base, metric })}`;
  const f = await getTranslations("reports.figures");
  const x = d.dossiers;
  const c = await getTranslations("reports.charts");
  const levels = await getTranslations("ratings.levels");
  const ratingSeries = [
    { key: "very_satisfied", label: levels("very_satisfied"), color: "#15803d" },
    { key: "satisfied", label: levels("satisfied"), color: "#60a5fa" },
    { key: "dissatisfied", label: levels("dissatisfied"), color: "#b91c1c" },
  ];
  const onTimeSeries = [
    { key: "onTime", label: c("finishedOnTime"), color: "#15803d" },
    { key: "late", label: c("finishedLate"), color: "#b91c1c" },
  ];
  const chartLabels = { nameLabel: c("name"), tableLabel: c("showTable"), emptyLabel: c("empty") };
  return (
    <div className="max-w-6xl" data-testid="reports-page">
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 print:hidden"
      >
        <label className="flex flex-col text-sm">
          {t("filter.from")}
          <DayInput
            name="from"
            defaultValue={d.period.from}
            hint={m("desk.dateHint")}
            className="w-32 rounded-md border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("filter.to")}
          <DayInput
            name="to"
            defaultValue={d.period.to}
            hint={m("desk.dateHint")}
            className="w-32 rounded-md border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("filter.unit")}
          <select
            name="unit"
            defaultValue={d.unit ? String(d.unit.id) : ""}
            className="rounded-md border border-slate-400 px-2 py-1"
          >
            <option value="">{t("filter.allUnits")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {"— ".repeat(Math.max(0, u.path.split("/").filter(Boolean).length - 1))}
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass()}>
          {t("filter.apply")}
        </button>
        <PrintButton label={t("filter.print")} />
      </form>
      <p className="mb-4 font-semibold" data-testid="report-period">
        {t("period", { from: formatDate(d.period.start), to: formatDate(new Date(d.period.end.getTime() - 1)) })}
        {d.unit ? ` — ${d.unit.name}` : ""}
      </p>

      <h2 className="mb-2 text-lg font-bold">{t("sections.dossiers")}</h2>
      <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
        <Stat label={f("carriedOver")} value={num(x.carriedOver)} href={drill("carried_over")} />
        <Stat label={f("received")} value={num(x.received.total)} href={drill("received")} testId="fig-received">
          <Link
            href={drill("received_online")}
            className="underline"
          >{`${f("receivedOnline")} ${num(x.received.online)}`}</Link>{" "}
          ·{" "}
          <Link
            href={drill("received_direct")}
            className="underline"
          >{`${f("receivedDirect")} ${num(x.received.direct)}`}</Link>{" "}
          ·{" "}
          <Link
            href={drill("received_post")}
            className="underline"
          >{`${f("receivedPost")} ${num(x.received.post)}`}</Link>
        </Stat>
        <Stat label={f("finished")} value={num(x.finished.total)} href={drill("finished")} testId="fig-finished">
          <Link href={drill("finished_early")} className="underline">
            {`${f("early")} ${num(x.finished.early)}`}
          </Link>{" "}
          ·{" "}
          <Link
            href={drill("finished_on_time")}
            className="underline"
          >{`${f("onTime")} ${num(x.finished.onTime)}`}</Link>{" "}
          · <Link href={drill("finished_late")} className="underline">{`${f("late")} ${num(x.finished.late)}`}</Link>
        </Stat>
        <Stat label={f("onTimeRate")} value={pct(x.onTimeRate)} testId="fig-on-time-rate" />
        <Stat label={f("returned")} value={num(x.returned)} href={drill("returned")} testId="fig-returned" />
        <Stat label={f("inProgress")} value={num(x.inProgress.total)} href={drill("in_progress")}>
          <Link
            href={drill("in_progress_on_time")}
            className="underline"
          >{`${f("inProgressOnTime")} ${num(x.inProgress.onTime)}`}</Link>{" "}
          ·{" "}
          <Link
            href={drill("in_progress_overdue")}
            className="underline"
          >{`${f("inProgressOverdue")} ${num(x.inProgress.overdue)}`}</Link>
        </Stat>
        <Stat label={f("overdueNow")} value={num(d.overdueNow)} href={drill("overdue_now")} />
        <Stat label={`${f("supplements")} / ${f("apologies")}`} value={`${num(x.supplements)} / ${num(x.apologies)}`}>
          <Link href={drill("supplements")} className="underline">
            {f("supplements")}
          </Link>{" "}
          ·{" "}
          <Link href={drill("apologies")} className="underline">
            {f("apologies")}
          </Link>
        </Stat>
      </div>

      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">{t("sections.satisfaction")}</h2>
        <a href={`/bao-cao/danh-gia.csv?${query(base)}`} className="text-sm text-brand-700 underline print:hidden">
          {t("statutory.ratingsCsv")}
        </a>
      </div>
      <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
        <Stat
          label={levels("very_satisfied")}
          value={num(d.ratings.byLevel.very_satisfied)}
          href={drill("rated_very_satisfied")}
          testId="fig-very-satisfied"
        />
        <Stat
          label={levels("satisfied")}
          value={num(d.ratings.byLevel.satisfied)}
          href={drill("rated_satisfied")}
          testId="fig-satisfied"
        />
        <Stat
          label={levels("dissatisfied")}
          value={num(d.ratings.byLevel.dissatisfied)}
          href={drill("rated_dissatisfied")}
          testId="fig-dissatisfied"
        />
        <Stat label={f("rated")} value={num(d.ratings.rated)} href={drill("rated")} testId="fig-rated" />
        <Stat label={f("ratingRate")} value={pct(d.ratings.ratingRate)} />
        <Stat
          label={f("complained")}
          value={num(d.ratings.complained)}
          href={drill("complained")}
          testId="fig-complained"
        />
        <Stat
          label={f("dissatisfiedOrComplained")}
          value={num(d.ratings.dissatisfiedOrComplained)}
          href={drill("dissatisfied_or_complained")}
        />
        <Stat label={f("ratio766")} value={pct(d.ratings.ratio766)} testId="fig-766">
          {f("ratio766Help")}
        </Stat>
        <Stat label={f("followupsOpen")} value={num(d.ratings.followups.open)} href="/bao-cao/phan-anh" />
        <Stat label={f("followupsOverdue")} value={num(d.ratings.followups.overdue)} href="/bao-cao/phan-anh" />
      </div>

      <h2 className="mb-2 text-lg font-bold">{t("sections.zalo")}</h2>
      <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
        <Stat label={f("zaloShare")} value={pct(d.zaloShare)} href={drill("received_zalo")} />
        <Stat label={f("followersGained")} value={num(d.delivery.followersGained)} />
        <Stat label={f("sent")} value={num(d.delivery.sent)} />
        <Stat label={f("delivered")} value={num(d.delivery.delivered)} />
        <Stat label={f("failed")} value={num(d.delivery.failed)}>
          {d.delivery.failedByReason.length ? (
            <ul>
              {d.delivery.failedByReason.map((r) => (
                <li key={r.reason}>
                  {r.reason}: {num(r.count)}
                </li>
              ))}
            </ul>
          ) : null}
        </Stat>
        <Stat
          label={f("median")}
          value={
            d.delivery.medianSecondsToZalo == null
              ? f("none")
              : f("seconds", { n: num(d.delivery.medianSecondsToZalo) })
          }
        />
      </div>

      <h2 className="mb-2 text-lg font-bold">{t("sections.charts")}</h2>
      <div className="mb-6 grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        <TrendChart
          title={c("trend", { g: c(`granularity.${charts.granularity}`) })}
          rows={charts.trend.map((p) => ({
            name: formatDate(`${p.bucket}T12:00:00+07:00`),
            received: p.received,
            finishedOnTime: p.finishedOnTime,
            finishedLate: p.finishedLate,
          }))}
          series={[
            { key: "received", label: c("received"), color: "#1d4ed8" },
            { key: "finishedOnTime", label: c("finishedOnTime"), color: "#15803d" },
            { key: "finishedLate", label: c("finishedLate"), color: "#b91c1c" },
          ]}
          {...chartLabels}
        />
        <StackedBars
          title={c("onTimeByUnit")}
          rows={charts.onTimeByUnit.map((r) => ({ name: r.name, onTime: r.onTime, late: r.late }))}
          series={onTimeSeries}
          {...chartLabels}
        />
        <StackedBars
          title={c("onTimeByProcedure")}
          rows={charts.onTimeByProcedure.map((r) => ({ name: r.name, onTime: r.onTime, late: r.late }))}
          series={onTimeSeries}
          {...chartLabels}
        />
        <StackedBars
          title={c("ratingsByUnit")}
          rows={charts.ratingsByUnit.map((r) => ({ ...r, id: r.id ?? 0 }))}
          series={ratingSeries}
          {...chartLabels}
        />
        <StackedBars
          title={c("ratingsByReceptionist")}
          rows={charts.ratingsByReceptionist.map((r) => ({ ...r, id: r.id ?? 0 }))}
          series={ratingSeries}
          {...chartLabels}
        />
      </div>

      <section className="break-before-page rounded-lg border border-slate-200 bg-white p-4" data-testid="statutory">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-bold">{t("sections.statutory")}</h2>
          <div className="flex flex-wrap gap-2 print:hidden">
            <Link
              href={`/bao-cao?${query({ ...base, by: "unit" })}`}
              className={buttonClass(report.by === "unit" ? "primary" : "secondary")}
            >
              {t("statutory.byUnit")}
            </Link>
            <Link
              href={`/bao-cao?${query({ ...base, by: "field" })}`}
              className={buttonClass(report.by === "field" ? "primary" : "secondary")}
            >
              {t("statutory.byField")}
            </Link>
            <a
              href={`/bao-cao/xuat?${query({ ...base, by: report.by, format: "xlsx" })}`}
              className={buttonClass("secondary")}
              data-testid="download-xlsx"
            >
              {t("statutory.xlsx")}
            </a>
            <a
              href={`/bao-cao/xuat?${query({ ...base, by: report.by, format: "csv" })}`}
              className={buttonClass("secondary")}
            >
              {t("statutory.csv")}
            </a>
          </div>
        </div>
        {/* The grid is the form of Circular 01/2018: its column names stay in Vietnamese, as in the exports. */}
        <div lang="vi">
          <Table variant="grid">
            <thead>
              <tr>
                {statutoryColumns.map((col) => (
                  <Th key={col.key} className={`${grid} bg-slate-100 text-center align-bottom`}>
                    {col.label}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row, i) => (
                <tr key={`${row.name}-${i}`} className={i === report.rows.length - 1 ? "font-bold" : undefined}>
                  {statutoryColumns.map((col) =>
                    col.key === "name" ? (
                      <ThRow key={col.key} className={`${grid} font-normal`}>
                        {row.name}
                      </ThRow>
                    ) : (
                      <Td key={col.key} className={`${grid} text-right tabular-nums`}>
                        {num(row[col.key] as number)}
                      </Td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>
    </div>
  );
}
