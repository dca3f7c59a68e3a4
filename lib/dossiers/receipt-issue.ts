import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Dossier, dossierReceipts } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { writeDossierEvent } from "@/lib/dossiers/events";
import { type ReceiptSnapshot, type ReceiptUnit, buildReceiptSnapshot, receiptSnapshot } from "./receipt-snapshot";

/**
 * Issues the next receipt version inside the caller's transaction (the dossier row is already locked or
 * new), with its outbox event. Earlier versions are kept untouched. (Intake writes version 1 with receiptRow.)
 */
export async function issueReceipt(
  tx: DbOrTx,
  ctx: Ctx,
  d: Dossier,
  receiverName: string,
  at = new Date(),
): Promise<number> {
  const version = (await latestVersion(tx, d.id)) + 1;
  const snapshot = await buildReceiptSnapshot(tx, d, version, receiverName, at);
  await Promise.all([
    tx.insert(dossierReceipts).values(receiptRecord(ctx, d, version, snapshot, at)),
    writeDossierEvent(tx, d, "receipt_issued", { receiptVersion: version }),
  ]);
  return version;
}

/** Receipt v1 of a dossier being received (its unit read beforehand), as a row to insert. */
export function receiptRow(ctx: Ctx, d: Dossier, unit: ReceiptUnit, receiverName: string, at: Date) {
  return receiptRecord(ctx, d, 1, receiptSnapshot(unit, d, 1, receiverName, at), at);
}

function receiptRecord(ctx: Ctx, d: Dossier, version: number, snapshot: ReceiptSnapshot, at: Date) {
  return {
    dossierId: d.id,
    version,
    issuedAt: at,
    issuedBy: ctx.actor.label,
    snapshot: snapshot as unknown as Record<string, unknown>,
  } satisfies typeof dossierReceipts.$inferInsert;
}

async function latestVersion(tx: DbOrTx, dossierId: number): Promise<number> {
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${dossierReceipts.version}), 0)`.mapWith(Number) })
    .from(dossierReceipts)
    .where(eq(dossierReceipts.dossierId, dossierId));
  return last;
}
