import { eq } from "drizzle-orm";
import { notificationTemplates } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/errors";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { templateSchema } from "./schemas";

/** Edits the routing and message of one event type. Templates are province-wide, so only templates.manage may. */
export async function saveNotificationTemplate(ctx: Ctx, raw: Record<string, unknown>): Promise<{ eventType: string }> {
  requirePermission(ctx, "templates.manage");
  const input = parseInput(templateSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx
      .select()
      .from(notificationTemplates)
      .where(eq(notificationTemplates.eventType, input.eventType))
      .for("update");
    if (!before) throw new NotFoundError("errors.notFound.template");
    const after = {
      label: input.label,
      enabled: input.enabled,
      channels: input.channels,
      zbsTemplateId: input.zbsTemplateId ?? null,
      zbsParams: input.zbsParams,
      csText: input.csText ?? null,
    };
    await tx
      .update(notificationTemplates)
      .set({ ...after, updatedAt: now, updatedBy: ctx.actor.label })
      .where(eq(notificationTemplates.eventType, input.eventType));
    await writeAudit(tx, ctx, {
      action: "notification_template.update",
      entityType: "notification_template",
      entityId: input.eventType,
      summary: `Sửa mẫu tin Zalo "${input.label}"`,
      changes: diff(before as unknown as Record<string, unknown>, after),
    });
    return { eventType: input.eventType };
  });
}
