"use client";
import { useTranslations } from "next-intl";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { PageInfo } from "@/components/ui/page-info";

const col = createColumnHelper<ProcedureRow>();

export interface ProcedureRow {
  id: number;
  code: string | null;
  name: string;
  field: string;
  processingTime: string;
  fee: string;
  active: boolean;
}

export function ProceduresTable({ rows, result }: { rows: ProcedureRow[]; result: PageInfo }) {
  const m = useTranslations();
  const t = useTranslations("procedures");
  const columns = [
    col.accessor("code", {
      header: t("code"),
      cell: (c) =>
        c.row.original.code ? (
          <span className="whitespace-nowrap font-mono">{c.row.original.code}</span>
        ) : (
          <span className="text-slate-500">{t("noCode")}</span>
        ),
    }),
    col.accessor("name", {
      header: t("name"),
      cell: (c) => (
        <Link href={`/procedures/${c.row.original.id}`} className="font-medium text-brand-700 underline">
          {c.row.original.name}
        </Link>
      ),
    }),
    col.accessor("field", { header: t("field") }),
    col.accessor("processingTime", {
      header: t("processingTime"),
      cell: (c) => <span className="whitespace-nowrap">{c.row.original.processingTime}</span>,
    }),
    col.accessor("fee", {
      header: t("fee"),
      cell: (c) => <span className="line-clamp-2 max-w-xs">{c.row.original.fee}</span>,
    }),
    col.accessor("active", {
      header: t("status"),
      cell: (c) =>
        c.row.original.active ? (
          <span className="whitespace-nowrap rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">
            {t("statuses.active")}
          </span>
        ) : (
          <span className="whitespace-nowrap rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">
            {t("statuses.retired")}
          </span>
        ),
    }),
  ];
  return <DataTable columns={columns} data={rows} result={result} rowTestId="procedure-row" />;
}
