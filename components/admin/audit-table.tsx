"use client";
import { useTranslations } from "next-intl";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import type { PageInfo } from "@/components/ui/page-info";

const col = createColumnHelper<AuditRow>();

export interface AuditRow {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  /** The action in words from the message catalogue; the code when the catalogue does not know it. */
  actionLabel: string;
  entity: string;
  summary: string;
  ip: string | null;
}

export function AuditTable({ rows, result }: { rows: AuditRow[]; result: PageInfo }) {
  const m = useTranslations();
  const columns = [
    col.accessor("at", { header: m("audit.at") }),
    col.accessor("actorLabel", { header: m("audit.actor") }),
    col.accessor("action", {
      header: m("audit.action"),
      // Labels are a few words: kept from being squeezed to one word a line by the long summary column.
      cell: ({ row }) => (
        <span className="block min-w-40" title={row.original.action}>
          {row.original.actionLabel}
        </span>
      ),
    }),
    col.accessor("entity", { header: m("audit.entity") }),
    col.accessor("summary", { header: m("audit.summary") }),
    col.accessor("ip", { header: () => <span className="whitespace-nowrap">{m("audit.ip")}</span> }),
  ];
  return <DataTable columns={columns} data={rows} result={result} rowTestId="audit-row" />;
}
