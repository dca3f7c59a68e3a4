import fs from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { and, asc, eq } from "drizzle-orm";
import { PDFDocument, type PDFFont, rgb } from "pdf-lib";
import type { DbOrTx } from "@/db/client";
import { units, zaloSettings } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope, unitInScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { oaDisplayName } from "@/lib/zalo/oa-name";
import { translate, translatorFor } from "@/lib/i18n/translate";
import { wrap } from "@/lib/pdf/wrap";
import { qrPng } from "@/lib/pdf/qr";
import { dbOf } from "@/lib/services/context";

const t = translatorFor("vi");

/** The five steps citizens follow (seed 003, Hà Tĩnh's guide), with the OA's name filled in. */
export function posterSteps(oaName: string): string[] {
  const steps = t.raw("announcements.posterPdf.steps") as string[];
  return steps.map((_, i) => translate("vi", { key: `announcements.posterPdf.steps.${i}`, values: { oa: oaName } }));
}

/** The units the caller may print a poster for: their scope (a supervisor's subtree), active ones, in tree order. */
export async function posterUnits(ctx: Ctx): Promise<{ id: number; name: string }[]> {
  requirePermission(ctx, "announcements.read");
  return dbOf(ctx)
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.active, true), inUnitScope(ctx, units.id)))
    .orderBy(asc(units.path));
}

/** Zalo's follow link for an OA (ZALO_OA_FOLLOW_URL overrides). */
async function oaFollowUrl(db: DbOrTx): Promise<string> {
  if (process.env.ZALO_OA_FOLLOW_URL) return process.env.ZALO_OA_FOLLOW_URL;
  const [s] = await db.select({ oaId: zaloSettings.oaId }).from(zaloSettings).where(eq(zaloSettings.id, 1));
  return `https://zalo.me/${s?.oaId ?? ""}`;
}

/**
 * An A4 poster for one unit's notice board (in the caller's scope): the unit, the OA follow QR code and the five steps.
 */
export async function oaPosterPdf(ctx: Ctx, unitId: number): Promise<{ pdf: Uint8Array; unitName: string }> {
  requirePermission(ctx, "announcements.read");
  const db = dbOf(ctx);
  const [unit] = Number.isSafeInteger(unitId)
    ? await db.select({ id: units.id, name: units.name, path: units.path }).from(units).where(eq(units.id, unitId))
    : [];
  if (!unit || !unitInScope(ctx, unit)) throw new NotFoundError("announcements.errors.unitNotFound");
  const oa = await oaDisplayName(db);
  const url = await oaFollowUrl(db);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(t("announcements.posterPdf.docTitle", { oa: oa.name, unit: unit.name }));
  doc.setLanguage("vi-VN");
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "fonts");
  const regular = await doc.embedFont(await fs.readFile(path.join(dir, "BeVietnamPro_400Regular.ttf")), {
    subset: true,
  });
  const bold = await doc.embedFont(await fs.readFile(path.join(dir, "BeVietnamPro_700Bold.ttf")), { subset: true });
  const [w, h] = [595.28, 841.89];
  const page = doc.addPage([w, h]);
  const margin = 48;
  let y = h - margin;
  const center = (text: string, font: PDFFont, size: number, color = rgb(0, 0, 0)) => {
    for (const line of wrap(text, font, size, w - 2 * margin)) {
      page.drawText(line, { x: (w - font.widthOfTextAtSize(line, size)) / 2, y: y - size, size, font, color });
      y -= size * 1.35;
    }
  };
  center(unit.name.toUpperCase(), bold, 16);
  y -= 12;
  center(t("announcements.posterPdf.headline"), bold, 26, rgb(0, 0.41, 1));
  center(`"${oa.name}"`, bold, 20);
  y -= 8;
  center(t("announcements.posterPdf.subline"), regular, 13);
  const qr = await doc.embedPng(await qrPng(url));
  const size = 260;
  y -= 10;
  page.drawImage(qr, { x: (w - size) / 2, y: y - size, width: size, height: size });
  y -= size + 6;
  center(url, regular, 10, rgb(0.3, 0.3, 0.3));
  y -= 14;
  page.drawText(t("announcements.posterPdf.stepsTitle"), { x: margin, y: y - 16, size: 16, font: bold });
  y -= 30;
  posterSteps(oa.name).forEach((step, i) => {
    const label = t("announcements.posterPdf.step", { n: i + 1 });
    const lw = bold.widthOfTextAtSize(label, 13);
    page.drawText(label, { x: margin, y: y - 13, size: 13, font: bold });
    for (const line of wrap(step, regular, 13, w - 2 * margin - lw)) {
      page.drawText(line, { x: margin + lw, y: y - 13, size: 13, font: regular });
      y -= 18;
    }
    y -= 6;
  });
  return { pdf: await doc.save(), unitName: unit.name };
}
