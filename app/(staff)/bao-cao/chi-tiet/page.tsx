import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Table, THead, Td, Th, Tr } from "@/components/ui/table";
import { requirePage } from "@/lib/auth/session";
import { statusLabels } from "@/lib/dossiers/lifecycle";
import { ServiceError, ValidationError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { drillDown } from "@/lib/reports/direct";

export const dynamic = "force-dynamic";

type Search = Record<string, string | undefined>;

/** The dossiers behind one number of the dashboard, counted from the base tables. */
export default async function DrillDownPage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = await requirePage("reports.read");
  const m = await getTranslations();
  const t = await getTranslations("reports.drill");
  const sp = await searchParams;
  const filled = (entries: [string, string | undefined][]) =>
    Object.fromEntries(entries.filter((e): e is [string, string] => !!e[1]));
  const backQuery = new URLSearchParams(filled(Object.entries({ from: sp.from, to: sp.to, unit: sp.unit })));
  const back = `/bao-cao?${backQuery.toString()}`;
  let r;
  try {
    r = await drillDown(me, sp);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    return (
      <div className="max-w-6xl">
        <PageHeader title={t("title")} />
        <Alert tone="error">
          {err instanceof ValidationError ? Object.values(err.fieldErrors).join(" ") : err.message}
        </Alert>
        <Link href={back} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const pageLink = (page: number) =>
    `/bao-cao/chi-tiet?${new URLSearchParams({ ...filled(Object.entries(sp)), page: String(page) })}`;
  return (
    <div className="max-w-6xl">
      <PageHeader title={`${t("title")}: ${t(`metrics.${r.metric}`)}`}>
        {formatDate(r.period.start)} – {formatDate(new Date(r.period.end.getTime() - 1))}
        {r.unit ? ` — ${r.unit.name}` : ""} · <span data-testid="drill-total">{t("total", { n: r.total })}</span>
      </PageHeader>
      <Link href={back} className="mb-3 inline-block text-brand-700 underline print:hidden">
        {t("back")}
      </Link>
      <Table data-testid="drill-table">
        <THead>
          {[
            t("code"),
            t("owner"),
            t("procedure"),
            t("status"),
            t("receivedAt"),
            t("dueAt"),
            t("finishedAt"),
            t("rating"),
          ].map((h) => (
            <Th key={h}>{h}</Th>
          ))}
        </THead>
        <tbody>
          {r.rows.map((row) => (
            <Tr key={row.code}>
              <Td className="font-mono">
                <Link href={`/dossiers/${encodeURIComponent(row.code)}`} className="text-brand-700 underline">
                  {row.code}
                </Link>
              </Td>
              <Td>{row.ownerName}</Td>
              <Td>{row.procedure}</Td>
              <Td>{statusLabels[row.status]}</Td>
              <Td>{formatDateTime(row.receivedAt)}</Td>
              <Td>{formatDateTime(row.dueAt)}</Td>
              <Td>{formatDateTime(row.finishedAt)}</Td>
              <Td>{row.level ? m(`ratings.levels.${row.level}`) : ""}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {pages > 1 ? (
        <nav
          className="mt-3 flex items-center gap-3 text-sm print:hidden"
          aria-label={t("page", { page: r.page, pages })}
        >
          {r.page > 1 ? (
            <Link href={pageLink(r.page - 1)} className="underline">
              {t("prev")}
            </Link>
          ) : null}
          <span>{t("page", { page: r.page, pages })}</span>
          {r.page < pages ? (
            <Link href={pageLink(r.page + 1)} className="underline">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
