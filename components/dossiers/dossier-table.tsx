"use client";
import { useTranslations } from "next-intl";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import type { DossierListRow } from "@/lib/dossiers/list";
import { OnTimeBadge, StatusBadge } from "./badges";
import { formatDateTime } from "@/lib/format";
import type { PageInfo } from "@/components/ui/page-info";

const col = createColumnHelper<DossierListRow>();

const when = (d: Date | string | null) => (d ? formatDateTime(d) : "—");

function SortHeader({ label, column }: { label: string; column: string }) {
  const m = useTranslations();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("sort") ?? "receivedAt";
  const dir = params.get("dir") ?? "desc";
  const next = new URLSearchParams(params.toString());
  next.set("sort", column);
  next.set("dir", current === column && dir === "desc" ? "asc" : "desc");
  next.delete("page");
  const active = current === column;
  return (
    <Link
      href={`${pathname}?${next.toString()}`}
      className="underline decoration-dotted"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
    >
      {label}
      {active ? (
        <span className="sr-only"> ({dir === "asc" ? m("dossiers.list.sortAsc") : m("dossiers.list.sortDesc")})</span>
      ) : null}
      {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
    </Link>
  );
}

export function DossierTable({ rows, result }: { rows: DossierListRow[]; result: PageInfo }) {
  const m = useTranslations();
  const t = useTranslations("dossiers.list");
  const columns = [
    col.display({
      id: "code",
      header: () => <SortHeader label={t("code")} column="code" />,
      cell: ({ row }) => (
        <Link
          href={`/dossiers/${encodeURIComponent(row.original.code)}`}
          className="font-mono text-brand-700 underline"
        >
          {row.original.code}
        </Link>
      ),
    }),
    col.display({
      id: "owner",
      header: t("owner"),
      cell: ({ row }) => (
        <span>
          {row.original.ownerName}
          {row.original.submitterName !== row.original.ownerName ? (
            <span className="block text-xs text-slate-600">{row.original.submitterName}</span>
          ) : null}
        </span>
      ),
    }),
    col.display({
      id: "procedure",
      header: t("procedure"),
      cell: ({ row }) => <span className="line-clamp-2">{row.original.procedureName}</span>,
    }),
    col.display({
      id: "status",
      header: () => <SortHeader label={t("status")} column="status" />,
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    col.display({
      id: "received",
      header: () => <SortHeader label={t("receivedAt")} column="receivedAt" />,
      cell: ({ row }) => when(row.original.receivedAt ?? row.original.submittedAt),
    }),
    col.display({
      id: "due",
      header: () => <SortHeader label={t("dueAt")} column="dueAt" />,
      cell: ({ row }) => when(row.original.newDueAt ?? row.original.dueAt),
    }),
    col.display({
      id: "onTime",
      header: t("onTime"),
      cell: ({ row }) => <OnTimeBadge state={row.original.onTime} />,
    }),
    col.display({ id: "zalo", header: "Zalo", cell: ({ row }) => (row.original.notifyZalo ? "✓" : "") }),
  ];
  return <DataTable columns={columns} data={rows} result={result} rowTestId="dossier-row" empty={t("empty")} />;
}
