import { and, eq, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { resendSchema } from "./schemas";

/**
 * Re-sends a permanently failed notification as a new attempt of the SAME row: same tracking id, attempts
 * counted afresh. A failed send was never accepted by Zalo, so Zalo still sees at most one successful send
 * per tracking id, and the dossier keeps one line per event with its whole history.
 */
export async function resendNotification(ctx: Ctx, raw: Record<string, unknown>): Promise<{ id: number }> {
  requirePermission(ctx, "notifications.resend");
  const { id } = parseInput(resendSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), inUnitScope(ctx, notifications.unitId)))
      .for("update");
    if (!row) throw new NotFoundError("errors.notFound.notification");
    if (row.status !== "failed_permanent") throw new ConflictError("errors.notification.resendOnlyFailed");
    await tx
      .update(notifications)
      .set({
        status: "queued",
        attempts: 0,
        nextAttemptAt: sql`now()`,
        claimedBy: null,
        claimedAt: null,
        failedAt: null,
        resendCount: sql`${notifications.resendCount} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(notifications.id, id), eq(notifications.status, "failed_permanent")));
    await writeAudit(tx, ctx, {
      action: "notification.resend",
      entityType: "notification",
      entityId: id,
      unitId: row.unitId,
      summary:
        `Gửi lại thông báo Zalo "${row.eventType}" của hồ sơ #${row.dossierId} (lỗi ` +
        `trước: ${row.lastError ?? "không rõ"})`,
      changes: { status: { from: row.status, to: "queued" }, lastErrorCode: row.lastErrorCode },
    });
    return { id };
  });
}
