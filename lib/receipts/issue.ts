import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Dossier, dossierReceipts } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { writeDossierEvent } from "@/lib/dossiers/events";
import { buildReceiptSnapshot } from "./snapshot";

/**
 * Issues the next receipt version inside the caller's transaction (the dossier row is already locked or
 * new), with its outbox event. Earlier versions are kept untouched.
 */
export async function issueReceipt(tx: DbOrTx, ctx: Ctx, d: Dossier, receiverName: string, at = new Date()): Promise<number> {
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${dossierReceipts.version}), 0)`.mapWith(Number) })
    .from(dossierReceipts)
    .where(eq(dossierReceipts.dossierId, d.id));
  const version = last + 1;
  const snapshot = await buildReceiptSnapshot(tx, d, version, receiverName, at);
  await tx.insert(dossierReceipts).values({ dossierId: d.id, version, issuedAt: at, issuedBy: ctx.actor.label, snapshot: snapshot as unknown as Record<string, unknown> });
  await writeDossierEvent(tx, d, "receipt_issued", { receiptVersion: version });
  return version;
}
