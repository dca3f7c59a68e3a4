import type { Messages } from "@/lib/i18n";

/** The pager and empty-state strings every DataTable shows, from the catalogue. */
export function dataTableLabels(m: Messages, empty: string = m.common.empty) {
  return {
    previous: m.common.previous,
    next: m.common.next,
    pageOf: m.common.pageOf,
    total: m.common.total,
    totalAtLeast: m.common.totalAtLeast,
    pageOnly: m.common.pageOnly,
    empty,
  };
}
