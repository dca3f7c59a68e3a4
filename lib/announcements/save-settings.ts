import { z } from "zod";
import { beyondWindowPolicies } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { parseInput } from "@/lib/validation";
import { getAnnouncementSettings, updateAnnouncementSettings } from "./settings";
import { vi } from "@/lib/i18n/messages/vi";
import { keysOf, msg, ref } from "@/lib/i18n/translate";
import { dbOf, withTransaction } from "@/lib/services/context";

const m = keysOf(vi.announcements.validation, "announcements.validation");
const hour = (label: string) => {
  const error = msg(m.hour, { label: ref(label) });
  return z.coerce.number({ error }).int(error).min(0, error).max(23, error);
};

const settingsSchema = z.object({
  monthlyCap: z.coerce.number({ error: m.monthlyNumber }).int().min(1, m.monthlyMin).max(31, m.monthlyMax),
  dailyCap: z.coerce.number({ error: m.dailyNumber }).int().min(1, m.dailyMin).max(5, m.dailyMax),
  quietStartHour: hour(m.quietStart),
  quietEndHour: hour(m.quietEnd),
  beyondWindow: z.enum(beyondWindowPolicies, { error: m.beyondWindow }),
  zbsTemplateId: z.preprocess((v) => (v === "" || v == null ? null : v), z.string().max(50).nullable()),
});

/** The OA package's per-follower limits and the night window (equal hours = no night window). */
export async function saveAnnouncementSettings(ctx: Ctx, raw: Record<string, unknown>): Promise<void> {
  requirePermission(ctx, "notifications.admin");
  const input = parseInput(settingsSchema, raw);
  await withTransaction(ctx, async (ctx, tx) => {
    const before = await getAnnouncementSettings(tx);
    await updateAnnouncementSettings(tx, input);
    await writeAudit(tx, ctx, {
      action: "announcement_settings.update",
      entityType: "announcement_settings",
      entityId: 1,
      summary: "Sửa giới hạn gửi tin tuyên truyền",
      changes: diff(before as unknown as Record<string, unknown>, input),
    });
  });
}

export async function readAnnouncementSettings(ctx: Ctx) {
  requirePermission(ctx, "announcements.read");
  return getAnnouncementSettings(dbOf(ctx));
}
