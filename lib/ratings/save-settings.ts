import { z } from "zod";
import { type RatingCriterion, ratingLevels, ratingSettings } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { dbOf, withTransaction } from "@/lib/services/context";
import { cleanText, foldForSearch } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { getRatingSettings } from "./settings";

const MAX_CRITERIA = 12;

/** Repeated form fields arrive as a string (one row) or an array (several). */
const list = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** A new criterion's key from its label: "Thái độ cán bộ" → "thai_do_can_bo". */
export function criterionKey(label: string): string {
  return foldForSearch(label)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
}

const days = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: nhập số ngày.` })
    .int(`${label}: nhập số nguyên.`)
    .min(min, `${label}: từ ${min} đến ${max} ngày.`)
    .max(max, `${label}: từ ${min} đến ${max} ngày.`);

const level = z.enum(ratingLevels, { error: "Chọn một trong ba mức: Rất hài lòng, Hài lòng, Không hài lòng." });

const ratingSettingsSchema = z
  .object({
    criterionKey: z.unknown().transform(list),
    criterionLabel: z.unknown().transform(list),
    star1: level,
    star2: level,
    star3: level,
    star4: level,
    star5: level,
    changeDays: days("Số ngày được sửa đánh giá", 0, 30),
    followupWorkingDays: days("Hạn xử lý phản ánh (ngày làm việc)", 1, 30),
  })
  .transform((v, ctx) => {
    const criteria: RatingCriterion[] = [];
    const refuse = (message: string) => ctx.addIssue({ code: "custom", path: ["criteria"], message });
    v.criterionLabel.forEach((raw, i) => {
      const label = cleanText(raw);
      if (!label) return;
      const key = cleanText(v.criterionKey[i] ?? "") || criterionKey(label);
      if (label.length > 80) refuse(`Tiêu chí "${label.slice(0, 30)}…": tối đa 80 ký tự.`);
      else if (!/^[a-z0-9_]{1,40}$/.test(key)) refuse(`Tiêu chí "${label}": tên cần có chữ hoặc số.`);
      else if (criteria.some((c) => c.key === key || c.label === label)) refuse(`Tiêu chí "${label}" bị trùng.`);
      else criteria.push({ key, label });
    });
    if (!criteria.length) refuse("Cần ít nhất một tiêu chí.");
    if (criteria.length > MAX_CRITERIA) refuse(`Tối đa ${MAX_CRITERIA} tiêu chí.`);
    const starLevels = { "1": v.star1, "2": v.star2, "3": v.star3, "4": v.star4, "5": v.star5 };
    return { criteria, starLevels, changeDays: v.changeDays, followupWorkingDays: v.followupWorkingDays };
  });

/**
 * The rating settings an administrator may change: the criteria citizens judge, the Zalo stars → level table and
 * the time limits. Ratings already given keep their criteria answers; a removed criterion is no longer asked.
 */
export async function saveRatingSettings(ctx: Ctx, raw: Record<string, unknown>): Promise<void> {
  requirePermission(ctx, "ratings.manage");
  const input = parseInput(ratingSettingsSchema, raw);
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    const before = await getRatingSettings(tx);
    await tx
      .insert(ratingSettings)
      .values({ id: 1, ...input, updatedAt: now })
      .onConflictDoUpdate({ target: ratingSettings.id, set: { ...input, updatedAt: now } });
    await writeAudit(tx, ctx, {
      action: "rating_settings.update",
      entityType: "rating_settings",
      entityId: 1,
      summary: "Sửa cấu hình đánh giá mức độ hài lòng",
      changes: diff({ ...before } as Record<string, unknown>, input),
    });
  });
}

export async function readRatingSettings(ctx: Ctx) {
  requirePermission(ctx, "ratings.manage");
  return getRatingSettings(dbOf(ctx));
}
