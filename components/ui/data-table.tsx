"use client";
import { useTranslations } from "next-intl";
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { PageInfo } from "./page-info";
import { EmptyState, Td, Th, Tr } from "./table";

/**
 * A column built with TanStack's `createColumnHelper<T>()` (the one way callers declare columns). Each accessor
 * column carries its own value type, so a list of them can only be typed with `any` as the value.
 */
export type DataTableColumn<T> = ColumnDef<T, any>;

interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  data: T[];
  result: PageInfo;
  /** What an empty list says, when not the common "no data". */
  empty?: string;
  rowTestId?: string;
}

/** Server-paginated table: the page number lives in the URL, the server sends one page of rows. */
export function DataTable<T>({ columns, data, result, empty, rowTestId }: DataTableProps<T>) {
  const { total, totalCapped = false, page, pageSize } = result;
  const t = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const pageCount = totalCapped
    ? data.length === pageSize
      ? page + 1
      : page
    : Math.max(1, Math.ceil(total / pageSize));
  // TanStack Table is the required table library; this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    pageCount,
    state: { pagination: { pageIndex: page - 1, pageSize } },
  });
  const goTo = (p: number) => {
    const next = new URLSearchParams(params.toString());
    next.set("page", String(p));
    router.push(`${pathname}?${next.toString()}`);
  };
  const pager = (label: string, disabled: boolean, to: number) => (
    <button
      type="button"
      className="rounded border px-3 py-1 disabled:opacity-40"
      disabled={disabled}
      onClick={() => goTo(to)}
    >
      {label}
    </button>
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      {/* relative: the headers' sr-only text (absolute) must scroll with the table, not widen the page. */}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => (
                  <Th key={h.id}>{h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext())}</Th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <Tr key={row.id} data-testid={rowTestId}>
                {row.getVisibleCells().map((cell) => (
                  <Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Td>
                ))}
              </Tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.length === 0 ? <EmptyState>{empty ?? t("empty")}</EmptyState> : null}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-2 text-sm">
        <span data-testid="table-total">{t(totalCapped ? "totalAtLeast" : "total", { total })}</span>
        <div className="flex items-center gap-2">
          {pager(t("previous"), page <= 1, page - 1)}
          <span>{totalCapped ? t("pageOnly", { page }) : t("pageOf", { page, pages: pageCount })}</span>
          {pager(t("next"), page >= pageCount, page + 1)}
        </div>
      </div>
    </div>
  );
}
