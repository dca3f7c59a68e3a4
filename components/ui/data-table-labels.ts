import type { Translator } from "@/lib/i18n";

/** The pager and empty-state strings every DataTable shows, from the catalogue. */
export function dataTableLabels(m: Translator, empty: string = m("common.empty")) {
  return {
    previous: m("common.previous"),
    next: m("common.next"),
    empty,
  };
}
