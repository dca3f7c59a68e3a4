import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dayFromInput } from "@/lib/day-input";
import { dbOf } from "@/lib/services/context";

const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  from: z.preprocess(dayFromInput, z.string().date().optional()),
  to: z.preprocess(dayFromInput, z.string().date().optional()),
});

export async function listAudit(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "audit.read");
  // A hand-edited URL must not break the page: bad filters fall back to their defaults one by one.
  const input = (raw ?? {}) as Record<string, unknown>;
  const q = auditQuerySchema.parse(
    Object.fromEntries(
      Object.entries(input).filter(
        ([k, v]) => (auditQuerySchema.shape as Record<string, z.ZodType>)[k]?.safeParse(v).success,
      ),
    ),
  );
  const where: SQL[] = [inUnitScope(ctx, auditLog.unitId)];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) where.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999+07:00`)));
  if (q.q) {
    const like = `%${q.q}%`;
    where.push(or(ilike(auditLog.summary, like), ilike(auditLog.actorLabel, like), ilike(auditLog.entityId, like))!);
  }
  const db = dbOf(ctx);
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(auditLog).where(cond),
  ]);
  return { rows, total, page: q.page, pageSize: q.pageSize };
}
