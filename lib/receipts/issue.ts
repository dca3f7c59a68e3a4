import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Dossier, dossierReceipts } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { writeDossierEvent } from "@/lib/dossiers/events";
import { type ReceiptUnit, buildReceiptSnapshot, receiptSnapshot } from "./snapshot";

/**
 * Issues the next receipt version inside the caller's transaction (the dossier row is already locked or
 * new), with its outbox event. Earlier versions are kept untouched. A new dossier's intake passes its
 * first receipt's unit, read before the day's counter was taken, so the lock is held for writes only.
 */
export async function issueReceipt(tx: DbOrTx, ctx: Ctx, d: Dossier, receiverName: string, at = new Date(), first?: { unit: ReceiptUnit }): Promise<number> {
  const version = first ? 1 : (await latestVersion(tx, d.id)) + 1;
  const snapshot = first ? receiptSnapshot(first.unit, d, version, receiverName, at) : await buildReceiptSnapshot(tx, d, version, receiverName, at);
  await Promise.all([
    tx.insert(dossierReceipts).values({ dossierId: d.id, version, issuedAt: at, issuedBy: ctx.actor.label, snapshot: snapshot as unknown as Record<string, unknown> }),
    writeDossierEvent(tx, d, "receipt_issued", { receiptVersion: version }),
  ]);
  return version;
}

async function latestVersion(tx: DbOrTx, dossierId: number): Promise<number> {
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${dossierReceipts.version}), 0)`.mapWith(Number) })
    .from(dossierReceipts)
    .where(eq(dossierReceipts.dossierId, dossierId));
  return last;
}
