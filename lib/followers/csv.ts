import { formatDateTime } from "@/lib/format";
import { displayVnPhone } from "@/lib/phone";
import type { listFollowers } from "./list";
import type { Messages } from "@/lib/i18n";

type Row = Awaited<ReturnType<typeof listFollowers>>["items"][number];

function cell(v: unknown): string {
  const s = v == null ? "" : String(v);
  // A leading = + - @ would run as a formula in spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 BOM, quoted cells, CRLF: opens in Excel with Vietnamese intact. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function followersCsv(rows: Row[], t: Messages["announcements"]["csv"]): string {
  return toCsv(
    t.followers,
    rows.map((r) => [
      r.displayName,
      r.following ? t.yes : t.no,
      formatDateTime(r.followedAt),
      r.phone84 ? displayVnPhone(r.phone84) : "",
      r.tags.join("; "),
      formatDateTime(r.lastInteractionAt),
    ]),
  );
}
