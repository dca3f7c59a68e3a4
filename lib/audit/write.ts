import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { maskDeep } from "@/lib/privacy";
import type { AuditAction } from "./actions";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  summary: string;
  changes?: Record<string, unknown>;
  unitId?: number | null;
}

/** Call inside the mutation's transaction, so the audit row exists exactly when the change does. */
export async function writeAudit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

export function auditRow(ctx: Ctx, entry: AuditEntry) {
  return {
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    unitId: entry.unitId ?? ctx.actor.unitId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    summary: entry.summary,
    changes: entry.changes ? (maskDeep(entry.changes) as Record<string, unknown>) : null,
    ip: ctx.ip,
  } satisfies typeof auditLog.$inferInsert;
}

/** Field-by-field difference of two records, for the audit summary of an edit. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = { from: before[k], to: v };
  }
  return out;
}
