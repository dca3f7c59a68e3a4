// Server-safe: pages build this for the client DataTable, so it cannot live in data-table.tsx.

/** One page of a list as the server counted it. */
export interface PageInfo {
  total: number;
  /** The total is a lower bound (a search too common to count): no last page, "next" while pages are full. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** Only the counts of a list result, so the rows are not sent to the browser twice. */
export function pageInfo({ total, totalCapped, page, pageSize }: PageInfo): PageInfo {
  return { total, totalCapped, page, pageSize };
}
