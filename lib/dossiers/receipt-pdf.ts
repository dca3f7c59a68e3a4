import fs from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { wrap } from "@/lib/pdf/wrap";
import {
  FORM01,
  componentText,
  contactText,
  deliveryText,
  formTime,
  guidanceText,
  placeAndDate,
} from "./receipt-form-text";
import { qrPng } from "@/lib/pdf/qr";
import type { ReceiptSnapshot } from "./receipt-snapshot";

const SIZES = { a5: [419.53, 595.28], a4: [595.28, 841.89] } as const;
export type PaperSize = keyof typeof SIZES;

const fontDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "fonts");

interface Pen {
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
  margin: number;
  width: number;
  size: number;
}

function write(
  pen: Pen,
  text: string,
  opts: { bold?: boolean; size?: number; x?: number; width?: number; align?: "left" | "center" } = {},
) {
  const font = opts.bold ? pen.bold : pen.regular;
  const size = opts.size ?? pen.size;
  const x0 = opts.x ?? pen.margin;
  const width = opts.width ?? pen.width;
  for (const line of wrap(text, font, size, width)) {
    const x = opts.align === "center" ? x0 + (width - font.widthOfTextAtSize(line, size)) / 2 : x0;
    pen.page.drawText(line, { x, y: pen.y, size, font, color: rgb(0, 0, 0) });
    pen.y -= size * 1.35;
  }
}

/** Mẫu số 01 as a PDF with the embedded Be Vietnam Pro font (all Vietnamese diacritics), A5 by default. */
export async function receiptPdf(r: ReceiptSnapshot, paper: PaperSize = "a5"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${FORM01.title} ${r.code}`);
  doc.setLanguage("vi-VN");
  const [regularBytes, boldBytes] = await Promise.all([
    fs.readFile(path.join(fontDir(), "BeVietnamPro_400Regular.ttf")),
    fs.readFile(path.join(fontDir(), "BeVietnamPro_700Bold.ttf")),
  ]);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const [w, h] = SIZES[paper];
  const page = doc.addPage([w, h]);
  const scale = paper === "a4" ? 1.3 : 1;
  const margin = 28 * scale;
  const pen: Pen = { page, y: h - margin, regular, bold, margin, width: w - 2 * margin, size: 8.5 * scale };
  const half = pen.width / 2;

  const top = pen.y;
  if (r.parentUnitName)
    write(pen, r.parentUnitName.toUpperCase(), { width: half - 6, align: "center", size: pen.size - 0.5 });
  write(pen, r.unitName.toUpperCase(), { bold: true, width: half - 6, align: "center", size: pen.size - 0.5 });
  write(pen, `Số: ${r.number}`, { width: half - 6, align: "center" });
  const leftBottom = pen.y;
  pen.y = top;
  write(pen, FORM01.motto1, { bold: true, x: margin + half, width: half, align: "center", size: pen.size - 0.5 });
  write(pen, FORM01.motto2, { bold: true, x: margin + half, width: half, align: "center" });
  write(pen, placeAndDate(r.place, r.issuedAt), {
    x: margin + half,
    width: half,
    align: "center",
    size: pen.size - 0.5,
  });
  pen.y = Math.min(pen.y, leftBottom) - 8 * scale;

  write(pen, FORM01.title, { bold: true, size: pen.size + 2.5, align: "center" });
  write(pen, `${FORM01.code}: ${r.code}`, { bold: true, align: "center" });
  if (r.nationalCode && r.nationalCode !== r.code)
    write(pen, `${FORM01.nationalCode}: ${r.nationalCode}`, { align: "center" });
  if (r.version > 1) write(pen, `(${FORM01.version} ${r.version})`, { align: "center" });
  pen.y -= 4 * scale;

  write(pen, `${r.unitName} ${FORM01.receivesFrom}`);
  write(pen, `${FORM01.applicant}: ${r.submitter.name}`, { bold: true });
  // Lines the dossier has nothing for are left out, as on the printed page.
  const line = (label: string, value: string | null) => value && write(pen, `${label}: ${value}`);
  const contact = (p: { phone: string | null; email: string | null }) => {
    const text = contactText(p);
    if (text) write(pen, text);
  };
  line(FORM01.idNumber, r.submitter.idNumber);
  line(FORM01.address, r.submitter.address);
  contact(r.submitter);
  if (r.attorney) {
    write(pen, FORM01.attorneyTitle, { bold: true });
    line(FORM01.attorneyName, r.attorney.name);
    line(FORM01.idNumber, r.attorney.idNumber);
    line(FORM01.address, r.attorney.address);
    contact(r.attorney);
    line(FORM01.attorneyDocument, r.attorney.document);
  }
  write(pen, `${FORM01.request}: ${r.procedureName}${r.procedureCode ? ` (mã ${r.procedureCode})` : ""}`);
  write(pen, `1. ${FORM01.components}:`);
  if (!r.components.length) write(pen, "…", { x: margin + 12 });
  r.components.forEach((c, i) =>
    write(pen, `${i + 1}) ${componentText(c)}`, { x: margin + 12, width: pen.width - 12 }),
  );
  write(pen, `2. ${FORM01.sets}: ${String(r.setsCount).padStart(2, "0")} (bộ)`);
  write(pen, `3. ${FORM01.legalTime}: ${r.processingText ?? "…"}`);
  write(pen, `4. ${FORM01.receivedAt}: ${formTime(r.receivedAt)}`);
  write(pen, `5. ${FORM01.dueAt}: ${r.dueAt ? formTime(r.dueAt) : FORM01.noDueAt}`, { bold: true });
  write(pen, `6. ${FORM01.delivery}: ${deliveryText(r.resultDelivery)}`);
  write(pen, `${FORM01.register}: ${r.registerBook ?? "…"}, ${FORM01.registerLine}: ${r.registerLine ?? "…"}`);
  pen.y -= 4 * scale;

  const qrSize = 78 * scale;
  const qr = await doc.embedPng(await qrPng(r.lookupUrl));
  const qrTop = pen.y + pen.size;
  page.drawImage(qr, { x: margin, y: qrTop - qrSize, width: qrSize, height: qrSize });
  const textX = margin + qrSize + 8;
  for (const text of guidanceText(r.notifyZalo))
    write(pen, text, { x: textX, width: pen.width - qrSize - 8, size: pen.size - 0.5 });
  write(pen, `${FORM01.lookupAt}: ${r.lookupUrl}`, { x: textX, width: pen.width - qrSize - 8, size: pen.size - 1 });
  pen.y = Math.min(pen.y, qrTop - qrSize) - 10 * scale;

  const signTop = pen.y;
  write(pen, FORM01.submitterSign, { bold: true, width: half, align: "center" });
  write(pen, FORM01.signHint, { width: half, align: "center", size: pen.size - 1 });
  pen.y = signTop;
  write(pen, FORM01.receiverSign, { bold: true, x: margin + half, width: half, align: "center" });
  write(pen, FORM01.signHint, { x: margin + half, width: half, align: "center", size: pen.size - 1 });
  pen.y -= 34 * scale;
  write(pen, r.submitter.name, { bold: true, width: half, align: "center" });
  pen.y += pen.size * 1.35;
  write(pen, r.receiverName, { bold: true, x: margin + half, width: half, align: "center" });
  return doc.save();
}
