"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { PageInfo } from "@/components/ui/page-info";

const col = createColumnHelper<FollowerRow>();

export interface FollowerRow {
  id: number;
  name: string | null;
  following: boolean;
  /** The proven phone as staff screens write it. */
  phone: string | null;
  /** A phone shared but not proven yet: masked, with when its last code went out ("" when none was sent). */
  claim: { masked: string; codeSentAt: string } | null;
  tags: string;
  last: string;
}

const pendingTone = "whitespace-nowrap rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900";

function PhoneCell({ row }: { row: FollowerRow }) {
  const t = useTranslations("announcements");
  return (
    <div className="flex flex-col gap-1" data-testid="follower-phone">
      {row.phone ? <span className="whitespace-nowrap">{row.phone}</span> : null}
      {row.claim ? (
        <span className="flex flex-col items-start gap-0.5" data-testid="phone-pending">
          <span className={pendingTone}>{t("phoneStates.pending")}</span>
          <span className="whitespace-nowrap font-mono text-xs">{row.claim.masked}</span>
          <span className="text-xs text-slate-600">
            {row.claim.codeSentAt ? t("codeSentAt", { at: row.claim.codeSentAt }) : t("codeNotSent")}
          </span>
        </span>
      ) : null}
      {!row.phone && !row.claim ? <span className="text-slate-600">{t("phoneStates.none")}</span> : null}
    </div>
  );
}

export function FollowerTable({ rows, result }: { rows: FollowerRow[]; result: PageInfo }) {
  const t = useTranslations("announcements");
  const columns: DataTableColumn<FollowerRow>[] = [
    col.accessor("name", {
      header: t("colName"),
      cell: ({ row }) => (
        <Link className="text-brand-700 underline" href={`/followers/${row.original.id}`}>
          {row.original.name ?? "—"}
        </Link>
      ),
    }),
    col.accessor("following", {
      header: t("colFollowing"),
      cell: (c) => (c.getValue() ? t("following") : t("notFollowing")),
    }),
    col.accessor("phone", { header: t("colPhone"), cell: ({ row }) => <PhoneCell row={row.original} /> }),
    col.accessor("tags", { header: t("colTags") }),
    col.accessor("last", { header: t("colLast") }),
  ];
  return <DataTable columns={columns} data={rows} result={result} rowTestId="follower-row" />;
}
