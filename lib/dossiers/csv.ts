import { displayVnPhone } from "@/lib/phone";
import { formatDateTime } from "@/lib/format";
import { statusLabels } from "./lifecycle";
import { onTimeLabels } from "./on-time";
import type { exportDossierRows } from "./list";

type Row = Awaited<ReturnType<typeof exportDossierRows>>[number];

const channels = { direct: "Trực tiếp", post: "Bưu chính", online: "Trực tuyến" } as const;

function cell(v: unknown): string {
  const s = v == null ? "" : String(v);
  // Quote everything; a leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A number a spreadsheet must not turn into a number: dropping a leading zero breaks phones and ID numbers. */
interface AsText {
  text: string;
}

/** Excel reads ="0912 345 678" as that text; only digits and spaces ever go through it, so nothing can run. */
function textCell(v: AsText): string {
  return /^[\d ]+$/.test(v.text) ? `"=""${v.text}"""` : cell(v.text);
}

const asText = (s: string | null): AsText | null => (s ? { text: s } : null);

const header = [
  "Mã hồ sơ",
  "Mã DVCQG",
  "Đơn vị",
  "Thủ tục",
  "Lĩnh vực",
  "Chủ hồ sơ",
  "Người nộp",
  "Số điện thoại",
  "Số định danh",
  "Kênh",
  "Trạng thái",
  "Tiếp nhận",
  "Hẹn trả",
  "Hẹn lại",
  "Có kết quả",
  "Tiến độ",
  "Đăng ký Zalo",
];

/** The export as text: a UTF-8 BOM, then one quoted row per dossier (CRLF, as Excel expects). */
export function dossiersCsv(rows: Row[]): string {
  const lines = rows.map((r) =>
    [
      r.code,
      r.nationalCode,
      r.unitName,
      r.procedureName,
      r.procedureField,
      r.ownerName,
      r.submitterName,
      asText(r.submitterPhone84 ? displayVnPhone(r.submitterPhone84) : null),
      asText(r.submitterIdNumber),
      channels[r.channel],
      statusLabels[r.status],
      formatDateTime(r.receivedAt ?? r.submittedAt),
      formatDateTime(r.dueAt),
      formatDateTime(r.newDueAt),
      formatDateTime(r.finishedAt),
      onTimeLabels[r.onTime],
      r.notifyZalo ? "Có" : "Không",
    ]
      .map((v) => (v !== null && typeof v === "object" && "text" in v ? textCell(v) : cell(v)))
      .join(","),
  );
  return `\uFEFF${[header.map(cell).join(","), ...lines].join("\r\n")}\r\n`;
}
