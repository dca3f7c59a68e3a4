import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { zaloEventStatuses, zaloWebhookEvents } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { maskDigits } from "@/lib/privacy";
import { dbOf } from "@/lib/services/context";

export { zaloEventStatuses };

const eventsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
  status: z.enum(zaloEventStatuses).optional().catch(undefined),
  eventName: z.string().trim().max(100).optional(),
});

/**
 * Recent webhook events and their processing state, for administrators (zalo.events.read). The OA is one
 * per province, so events belong to no unit; the sender's Zalo id is masked.
 */
export async function listZaloEvents(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "zalo.events.read");
  const q = eventsQuerySchema.parse(raw);
  const t = zaloWebhookEvents;
  const where: SQL[] = [];
  if (q.status) where.push(eq(t.status, q.status));
  if (q.eventName) where.push(eq(t.eventName, q.eventName));
  const cond = where.length ? and(...where) : undefined;
  const db = dbOf(ctx);
  const [rows, [{ total }], byStatus] = await Promise.all([
    db
      .select({
        id: t.id,
        eventName: t.eventName,
        senderId: t.senderId,
        receivedAt: t.receivedAt,
        status: t.status,
        attempts: t.attempts,
        nextAttemptAt: t.nextAttemptAt,
        lastError: t.lastError,
        processedAt: t.processedAt,
      })
      .from(t)
      .where(cond)
      .orderBy(desc(t.receivedAt), desc(t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(t).where(cond),
    db.select({ status: t.status, n: count() }).from(t).groupBy(t.status),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, senderId: r.senderId ? maskDigits(r.senderId) : null })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s.n])) as Partial<
      Record<(typeof zaloEventStatuses)[number], number>
    >,
  };
}
