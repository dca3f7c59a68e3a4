import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { zaloWebhookEvents } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { withTransaction } from "@/lib/services/context";

const requeueSchema = z.object({
  id: z.coerce.number({ message: "Sự kiện không hợp lệ." }).int().positive("Sự kiện không hợp lệ."),
});

/** Puts a failed (or ignored) event back in the queue for an immediate new attempt. Needs zalo.settings; audited. */
export async function requeueZaloEvent(ctx: Ctx, raw: unknown): Promise<void> {
  requirePermission(ctx, "zalo.settings");
  const { id } = parseInput(requeueSchema, raw);
  const t = zaloWebhookEvents;
  await withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .update(t)
      .set({ status: "pending", nextAttemptAt: ctx.now ?? new Date(), attempts: 0, processedAt: null })
      .where(and(eq(t.id, id), inArray(t.status, ["failed", "ignored"])))
      .returning({ id: t.id, eventName: t.eventName, lastError: t.lastError });
    if (!row) throw new NotFoundError("errors.notFound.webhookEvent");
    await writeAudit(tx, ctx, {
      action: "zalo.event.requeue",
      entityType: "zalo_webhook_event",
      entityId: row.id,
      summary: `Xử lý lại sự kiện Zalo ${row.eventName} #${row.id}`,
      changes: { lastError: row.lastError },
      unitId: null,
    });
  });
}
