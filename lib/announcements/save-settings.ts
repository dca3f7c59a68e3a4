import { z } from "zod";
import { getDb } from "@/db/client";
import { beyondWindowPolicies } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { parseInput } from "@/lib/validation";
import { getAnnouncementSettings, updateAnnouncementSettings } from "./settings";

const hour = (label: string) => z.coerce.number({ error: `${label}: nhập giờ từ 0 đến 23.` }).int(`${label}: nhập giờ từ 0 đến 23.`).min(0, `${label}: nhập giờ từ 0 đến 23.`).max(23, `${label}: nhập giờ từ 0 đến 23.`);

const settingsSchema = z.object({
  monthlyCap: z.coerce.number({ error: "Số tin mỗi tháng: nhập số." }).int().min(1, "Số tin mỗi tháng: ít nhất 1.").max(31, "Số tin mỗi tháng: tối đa 31."),
  dailyCap: z.coerce.number({ error: "Số tin mỗi ngày: nhập số." }).int().min(1, "Số tin mỗi ngày: ít nhất 1.").max(5, "Số tin mỗi ngày: tối đa 5."),
  quietStartHour: hour("Giờ bắt đầu nghỉ"),
  quietEndHour: hour("Giờ kết thúc nghỉ"),
  beyondWindow: z.enum(beyondWindowPolicies, { error: "Chọn cách xử lý người quá 48 giờ." }),
  zbsTemplateId: z.preprocess((v) => (v === "" || v == null ? null : v), z.string().max(50).nullable()),
});

/** The OA package's per-follower limits and the night window (equal hours = no night window). */
export async function saveAnnouncementSettings(ctx: Ctx, raw: Record<string, unknown>): Promise<void> {
  requirePermission(ctx, "notifications.admin");
  const input = parseInput(settingsSchema, raw);
  await getDb().transaction(async (tx) => {
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
  return getAnnouncementSettings(getDb());
}
