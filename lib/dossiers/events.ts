import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type Dossier,
  type DossierEventPayload,
  dossierEvents,
  dossierHistory,
  type DossierStatus,
  staff,
} from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { statusLabels } from "./lifecycle";
import { securedLookupUrl } from "./urls";

/** Outbox event asking a citizen to rate a returned dossier (a ZBS rating template, lib/ratings). */
export const RATING_REQUEST = "rating_request" as const;
/** A supervisor's answer to a citizen's "Không hài lòng" rating (lib/ratings/followups.ts). */
export const RATING_ANSWER = "rating_answer" as const;
export type DossierEventType =
  DossierStatus | "apology" | "receipt_issued" | typeof RATING_REQUEST | typeof RATING_ANSWER;

type Extras = Partial<
  Pick<DossierEventPayload, "missing" | "reason" | "note" | "receiptVersion" | "feeAmount" | "paymentUrl">
>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function eventPayload(d: Dossier, extras: Extras = {}): DossierEventPayload {
  return {
    code: d.code,
    nationalCode: d.nationalCode,
    status: d.status,
    statusLabel: statusLabels[d.status],
    ownerName: d.ownerName,
    submitterName: d.submitterName,
    procedureName: d.procedure.name,
    phone84: d.submitterPhone84 ?? d.ownerPhone84,
    notifyZalo: d.notifyZalo,
    notifySms: d.notifySms,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    newDueAt: iso(d.newDueAt),
    finishedAt: iso(d.finishedAt),
    feeAmount: extras.feeAmount ?? d.feeAmount,
    paymentUrl: extras.paymentUrl ?? d.feePaymentUrl,
    missing: extras.missing ?? null,
    reason: extras.reason ?? null,
    note: extras.note ?? null,
    receiptVersion: extras.receiptVersion ?? null,
    lookupUrl: securedLookupUrl(d.code, d.lookupSecret),
  };
}

export function dossierEventRow(d: Dossier, type: DossierEventType, extras: Extras = {}) {
  return {
    dossierId: d.id,
    unitId: d.unitId,
    type,
    payload: eventPayload(d, extras),
  } satisfies typeof dossierEvents.$inferInsert;
}

/** Outbox row; call inside the transaction that made the change so the two exist together or not at all. */
export async function writeDossierEvent(
  tx: DbOrTx,
  d: Dossier,
  type: DossierEventType,
  extras: Extras = {},
): Promise<void> {
  await tx.insert(dossierEvents).values(dossierEventRow(d, type, extras));
}

/** The name printed on receipts and shown in the timeline: a staff member's full name, else the actor label. */
export async function actorName(tx: DbOrTx, ctx: Ctx): Promise<string> {
  if (ctx.actor.kind !== "staff" || ctx.actor.id == null) return ctx.actor.label;
  const [row] = await tx.select({ fullName: staff.fullName }).from(staff).where(eq(staff.id, ctx.actor.id));
  return row?.fullName ?? ctx.actor.label;
}

export interface HistoryEntry {
  dossierId: number;
  from: DossierStatus | null;
  to: DossierStatus;
  action: string;
  actorName: string;
  note?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

export async function writeHistory(tx: DbOrTx, ctx: Ctx, entry: HistoryEntry): Promise<void> {
  await tx.insert(dossierHistory).values(historyRow(ctx, entry));
}

export function historyRow(ctx: Ctx, entry: HistoryEntry) {
  return {
    dossierId: entry.dossierId,
    fromStatus: entry.from,
    toStatus: entry.to,
    action: entry.action,
    actorLabel: entry.actorName,
    actorId: ctx.actor.kind === "staff" ? ctx.actor.id : null,
    note: entry.note ?? null,
    data: entry.data ?? null,
    at: entry.at ?? new Date(),
  } satisfies typeof dossierHistory.$inferInsert;
}
