import { eq } from "drizzle-orm";
import { z } from "zod";
import { notificationSettings } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { dbOf, withTransaction } from "@/lib/services/context";
import { checkbox, parseInput } from "@/lib/validation";
import { getNotificationSettings } from "./settings";

const schema = z.object({ developmentMode: checkbox });

/**
 * Go-live checks: with development mode on, every ZBS template message goes out with mode "development", which Zalo
 * delivers only to the OA's and the app's administrators (zalo-api.md §2.2). Admin only, audited.
 */
export async function setZbsDevelopmentMode(ctx: Ctx, raw: unknown): Promise<{ developmentMode: boolean }> {
  requirePermission(ctx, "zalo.settings");
  const { developmentMode } = parseInput(schema, raw);
  const now = ctx.now ?? new Date();
  await getNotificationSettings(dbOf(ctx));
  return withTransaction(ctx, async (ctx, tx) => {
    const row = eq(notificationSettings.id, 1);
    const s = notificationSettings;
    const [before] = await tx.select({ on: s.zbsDevelopmentMode }).from(s).where(row).for("update");
    await tx.update(s).set({ zbsDevelopmentMode: developmentMode, updatedAt: now }).where(row);
    await writeAudit(tx, ctx, {
      action: "zalo.zbs_development_mode",
      entityType: "notification_settings",
      entityId: 1,
      summary: developmentMode ? "Bật chế độ thử nghiệm ZBS (mode development)" : "Tắt chế độ thử nghiệm ZBS",
      changes: { zbsDevelopmentMode: { from: before?.on ?? false, to: developmentMode } },
    });
    return { developmentMode };
  });
}
