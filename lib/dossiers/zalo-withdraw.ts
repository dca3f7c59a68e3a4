import { type SQL, and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { dossiers, notifications } from "@/db/schema";
import { type Ctx, requirePermission, systemCtx } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { lockDossierInScope } from "./transition";

export type WithdrawVia = "chat" | "counter" | "zalo";

export const withdrawnReason = "Người dân đã rút lại đồng ý nhận thông báo qua Zalo (Luật 91/2025/QH15)";

/**
 * Zalo notifications stop for these dossiers: the flag that routing reads is cleared, the withdrawal is kept as the
 * record, and messages still waiting for them fail with the reason (rows being sent finish).
 */
async function stopDossiers(tx: DbOrTx, where: SQL | undefined, via: WithdrawVia, now: Date) {
  const rows = await tx
    .update(dossiers)
    .set({ notifyZalo: false, zaloWithdrawnAt: now, zaloWithdrawnVia: via, updatedAt: now })
    .where(and(where, eq(dossiers.notifyZalo, true)))
    .returning({ id: dossiers.id, code: dossiers.code, unitId: dossiers.unitId });
  if (rows.length)
    await tx
      .update(notifications)
      .set({ status: "failed_permanent", lastError: withdrawnReason, failedAt: now, updatedAt: now })
      .where(
        and(
          inArray(
            notifications.dossierId,
            rows.map((r) => r.id),
          ),
          inArray(notifications.status, ["queued", "failed_temporary"]),
        ),
      );
  return rows;
}

/** A citizen's withdrawal for every dossier registered with their proven phone (chat keyword or user_withdraw). */
export async function withdrawZaloByPhone(tx: DbOrTx, phone84: string, via: "chat" | "zalo", now = new Date()) {
  const rows = await stopDossiers(
    tx,
    or(eq(dossiers.submitterPhone84, phone84), eq(dossiers.ownerPhone84, phone84)),
    via,
    now,
  );
  for (const r of rows)
    await writeAudit(tx, systemCtx(), {
      action: "dossier.zalo_withdrawn",
      entityType: "dossier",
      entityId: r.code,
      unitId: r.unitId,
      summary: `Người dân rút lại đồng ý nhận thông báo Zalo cho hồ sơ ${r.code}`,
      changes: { via },
    });
  return rows.length;
}

const withdrawSchema = z.object({ code: z.string().trim().min(1).max(60) });

/** At the counter: staff record the citizen's withdrawal for one dossier of their unit. */
export async function withdrawZaloAtCounter(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "dossiers.create");
  const input = parseInput(withdrawSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const d = await lockDossierInScope(tx, ctx, input.code);
    const stopped = await stopDossiers(tx, eq(dossiers.id, d.id), "counter", now);
    await writeAudit(tx, ctx, {
      action: "dossier.zalo_withdrawn",
      entityType: "dossier",
      entityId: d.code,
      unitId: d.unitId,
      summary: `Ghi nhận công dân rút lại đồng ý nhận thông báo Zalo cho hồ sơ ${d.code} tại quầy`,
      changes: { via: "counter", changed: stopped.length > 0 },
    });
    return { stopped: stopped.length > 0 };
  });
}

/** Dossier ids among these that no longer take Zalo messages (withdrawn after their events were written). */
export async function dossiersWithoutZalo(tx: DbOrTx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(inArray(dossiers.id, [...new Set(ids)]), eq(dossiers.notifyZalo, false)));
  return new Set(rows.map((r) => r.id));
}
