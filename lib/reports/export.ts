import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { z } from "zod";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { auditExport } from "@/lib/audit/export";
import { formatDate } from "@/lib/format";
import { parseInput } from "@/lib/validation";
import type { Period } from "./period";
import { type StatutoryRow, statutoryColumns, statutoryReport } from "./statutory";

function csvCell(v: unknown): string {
  const s = v == null ? "" : String(v);
  // A leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";

export interface StatutoryExport {
  period: Period;
  unit: { name: string } | null;
  by: "unit" | "field";
  rows: StatutoryRow[];
}

const exportFormatSchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

/**
 * The statutory report as a file: the report, then one audit row naming the period and unit as resolved (not the raw
 * query, which may leave them to the defaults), so the log says which figures left the system.
 */
export async function exportStatutoryReport(ctx: Ctx, raw: Record<string, unknown>) {
  requirePermission(ctx, "reports.read");
  const { format } = parseInput(exportFormatSchema, raw);
  const report = await statutoryReport(ctx, raw);
  await auditExport(ctx, {
    kind: "statutory_report",
    filter: {
      from: report.period.from,
      to: report.period.to,
      unit: report.unit ? { id: report.unit.id, name: report.unit.name } : null,
      by: report.by,
      format,
    },
    rows: report.rows.length,
    unitId: report.unit?.id,
  });
  return { ...report, format };
}

function statutoryTitle(r: StatutoryExport): string[] {
  return [
    "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
    `Kỳ báo cáo: từ ngày ${formatDate(r.period.start)} đến ngày ${formatDate(new Date(r.period.end.getTime() - 1))}`,
    `Phạm vi: ${r.unit?.name ?? "Toàn bộ đơn vị được xem"} — theo ${r.by === "unit" ? "đơn vị" : "lĩnh vực"}`,
  ];
}

/** CSV with a UTF-8 BOM (Excel shows Vietnamese), title lines, Vietnamese column names, CRLF. */
export function statutoryCsv(r: StatutoryExport): string {
  return (
    "\ufeff" +
    statutoryTitle(r)
      .map((t) => csvLine([t]))
      .join("") +
    csvLine(statutoryColumns.map((c) => c.label)) +
    r.rows.map((row) => csvLine(statutoryColumns.map((c) => row[c.key]))).join("")
  );
}

const thin = { style: "thin" as const, color: { argb: "FF94A3B8" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The statutory report as a real XLSX, written by exceljs' streaming writer row by row (constant memory):
 * title, a bold shaded wrapped header with Vietnamese names, borders, a bold total line, landscape print on one page
 * width.
 */
export function statutoryXlsxStream(r: StatutoryExport): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "motcua-zalo";
  const ws = wb.addWorksheet("Báo cáo TTHC", {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 5 }],
  });
  ws.columns = statutoryColumns.map((c, i) => ({ key: c.key, width: i === 0 ? 42 : 14 }));
  void (async () => {
    try {
      const title = statutoryTitle(r);
      title.forEach((t, i) => {
        const row = ws.addRow([t]);
        row.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
        ws.mergeCells(row.number, 1, row.number, statutoryColumns.length);
        row.commit();
      });
      ws.addRow([]).commit();
      const header = ws.addRow(statutoryColumns.map((c) => c.label));
      header.height = 48;
      header.eachCell((cell) => {
        cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1D4ED8" } };
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        cell.border = border;
      });
      header.commit();
      for (const [i, line] of r.rows.entries()) {
        const row = ws.addRow(statutoryColumns.map((c) => line[c.key]));
        row.eachCell((cell, col) => {
          cell.border = border;
          if (col > 1) cell.numFmt = "#,##0";
        });
        if (i === r.rows.length - 1) row.font = { bold: true };
        row.commit();
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export function reportFileName(r: StatutoryExport, ext: "xlsx" | "csv"): string {
  return `bao-cao-tthc-${r.by === "unit" ? "don-vi" : "linh-vuc"}-${r.period.from}-${r.period.to}.${ext}`;
}
