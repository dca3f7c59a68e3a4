import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Db, type Tx, getDb } from "@/db/client";
import { type Procedure, type ProcedureSnapshot, type ReceivedComponent, dossiers, procedures, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { unitInScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { ValidationError } from "@/lib/errors";
import { issueReceipt } from "@/lib/receipts/issue";
import { loadReceiptUnit } from "@/lib/receipts/snapshot";
import { parseInput } from "@/lib/validation";
import { loadClock } from "./clock";
import { actorName, writeDossierEvent, writeHistory } from "./events";
import { numberReception, prepareReception } from "./reception";
import { type IntakeInput, intakeSchema } from "./schemas";
import { dossierSearchText } from "./search-text";
import { securedLookupUrl } from "./urls";

export interface ReceiveResult {
  id: number;
  code: string;
  status: "received" | "submitted";
  receivedAt: Date | null;
  dueAt: Date | null;
  lookupUrl: string;
}

/** ≥ 128 random bits, URL-safe: the QR's key to the full public timeline. */
export function newLookupSecret(): string {
  return randomBytes(18).toString("base64url");
}

export function procedureSnapshot(p: Procedure): ProcedureSnapshot {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    processingDays: p.processingDays,
    processingHours: p.processingHours,
    cutoffTime: p.cutoffTime,
    supplementClock: p.supplementClock,
  };
}

/** Ticked names take copies and originals from the procedure's list; names it does not know count one copy. */
export function receivedComponents(names: string[], p: Procedure): ReceivedComponent[] {
  const known = new Map(p.components.map((c) => [c.name, c]));
  const seen = new Set<string>();
  return names
    .filter((n) => !seen.has(n) && seen.add(n))
    .map((name) => {
      const c = known.get(name);
      return c ? { name, copies: c.copies, ...(c.original !== undefined ? { original: c.original } : {}) } : { name, copies: 1 };
    });
}

async function findProcedure(tx: Tx, ctx: Ctx, input: IntakeInput): Promise<Procedure> {
  const cond = input.procedureId ? eq(procedures.id, input.procedureId) : eq(procedures.code, (input.procedureCode ?? "").toUpperCase());
  const [p] = await tx.select().from(procedures).where(and(cond, eq(procedures.active, true)));
  const field = input.procedureId ? "procedureId" : "procedureCode";
  if (!p) throw new ValidationError({ [field]: "Thủ tục hành chính không tồn tại hoặc đã ngừng áp dụng." });
  if (p.unitId != null) {
    const [pu] = await tx.select({ id: units.id, path: units.path }).from(units).where(eq(units.id, p.unitId));
    if (!pu || !unitInScope(ctx, pu)) throw new ValidationError({ [field]: "Thủ tục này không thuộc phạm vi tiếp nhận của đơn vị." });
  }
  return p;
}

async function receivingUnit(tx: Tx, ctx: Ctx, input: IntakeInput): Promise<number> {
  const unitId = input.unitId ?? ctx.actor.unitId;
  if (!unitId) throw new ValidationError({ unitId: "Chọn đơn vị tiếp nhận hồ sơ." });
  const [unit] = await tx.select({ id: units.id, path: units.path, active: units.active }).from(units).where(eq(units.id, unitId));
  if (!unit || !unit.active || !unitInScope(ctx, unit)) throw new ValidationError({ unitId: "Đơn vị tiếp nhận không hợp lệ hoặc ngoài phạm vi của bạn." });
  return unit.id;
}

/**
 * Intake (tiếp nhận hồ sơ): one transaction numbers the dossier, stores it with its history, prints
 * receipt v1 and queues the "received" and "receipt_issued" events, and writes the audit row.
 * Online dossiers may instead start as "submitted" (awaiting reception) under their national code.
 */
export async function receiveDossier(ctx: Ctx, raw: unknown, db: Db = getDb()): Promise<ReceiveResult> {
  requirePermission(ctx, "dossiers.create");
  const input = parseInput(intakeSchema, raw);
  if (input.receivedAt && ctx.actor.kind === "staff") {
    throw new ValidationError({ receivedAt: "Thời điểm tiếp nhận do hệ thống ghi nhận, không nhập tay." });
  }
  return db.transaction(async (tx) => {
    const unitId = await receivingUnit(tx, ctx, input);
    const procedure = await findProcedure(tx, ctx, input);
    const snapshot = procedureSnapshot(procedure);
    const now = new Date();
    const at = input.receivedAt ?? now;
    const submitted = input.startAs === "submitted";
    // Every read happens before the day's counter is taken: its row stays locked until commit, so intakes of
    // one unit queue behind it, and what runs under it is only the writes, sent together.
    const [prepared, clock, receiver, receiptUnit] = await Promise.all([
      submitted ? null : prepareReception(tx, unitId, at),
      submitted ? null : loadClock(tx, unitId),
      actorName(tx, ctx),
      submitted ? null : loadReceiptUnit(tx, unitId),
    ]);
    const reception = prepared && clock ? await numberReception(tx, prepared, at, snapshot, clock) : null;
    const code = reception?.code ?? input.nationalCode!;
    const owner = input.ownerSameAsSubmitter
      ? { name: input.submitterName, idNumber: input.submitterIdNumber, phone: input.submitterPhone, email: input.submitterEmail, address: input.submitterAddress }
      : { name: input.ownerName!, idNumber: input.ownerIdNumber, phone: input.ownerPhone, email: input.ownerEmail, address: input.ownerAddress };
    const people = {
      submitterName: input.submitterName,
      submitterIdNumber: input.submitterIdNumber ?? null,
      submitterPhone84: input.submitterPhone ?? null,
      ownerName: owner.name,
      ownerIdNumber: owner.idNumber ?? null,
      ownerPhone84: owner.phone ?? null,
    };
    const lookupSecret = newLookupSecret();
    const [dossier] = await tx
      .insert(dossiers)
      .values({
        code,
        nationalCode: input.nationalCode ?? null,
        unitId,
        procedureId: procedure.id,
        procedure: snapshot,
        status: submitted ? "submitted" : "received",
        channel: input.channel,
        resultDelivery: input.resultDelivery,
        ...people,
        submitterEmail: input.submitterEmail ?? null,
        submitterAddress: input.submitterAddress ?? null,
        ownerSameAsSubmitter: input.ownerSameAsSubmitter,
        ownerEmail: owner.email ?? null,
        ownerAddress: owner.address ?? null,
        authorizationDocument: input.ownerSameAsSubmitter ? null : (input.authorizationDocument ?? null),
        components: receivedComponents(input.components, procedure),
        setsCount: input.setsCount,
        notes: input.notes ?? null,
        notifyZalo: input.notifyZalo,
        zaloConsentAt: input.notifyZalo ? now : null,
        notifySms: input.notifySms,
        deliverByPost: input.deliverByPost,
        submittedAt: submitted || input.channel === "online" ? at : null,
        receivedAt: submitted ? null : at,
        receivedById: submitted || ctx.actor.kind !== "staff" ? null : ctx.actor.id,
        receivedByName: submitted ? null : receiver,
        dueAt: reception?.dueAt ?? null,
        originalDueAt: reception?.dueAt ?? null,
        registerBook: reception?.registerBook ?? null,
        registerLine: reception?.registerLine ?? null,
        lookupSecret,
        searchText: dossierSearchText({ code, nationalCode: input.nationalCode ?? null, ...people }),
      })
      .returning();
    // One round trip (the statements are pipelined in this order, so "received" precedes "receipt_issued").
    await Promise.all([
      writeHistory(tx, ctx, {
        dossierId: dossier.id,
        from: null,
        to: dossier.status,
        action: submitted ? "submit" : "receive",
        actorName: receiver,
        note: input.notes,
        data: input.notifyZalo ? { zaloConsentAt: now.toISOString() } : undefined,
        at,
      }),
      writeDossierEvent(tx, dossier, dossier.status),
      receiptUnit ? issueReceipt(tx, ctx, dossier, receiver, now, { unit: receiptUnit }) : null,
      writeAudit(tx, ctx, {
        action: submitted ? "dossier.submit" : "dossier.receive",
        entityType: "dossier",
        entityId: code,
        unitId,
        summary: submitted ? `Ghi nhận hồ sơ trực tuyến ${code} chờ tiếp nhận` : `Tiếp nhận hồ sơ ${code} — ${procedure.name}`,
        changes: { procedureId: procedure.id, channel: input.channel, notifyZalo: input.notifyZalo, notifySms: input.notifySms, deliverByPost: input.deliverByPost },
      }),
    ]);
    return {
      id: dossier.id,
      code,
      status: dossier.status as "received" | "submitted",
      receivedAt: dossier.receivedAt,
      dueAt: dossier.dueAt,
      lookupUrl: securedLookupUrl(code, lookupSecret),
    };
  });
}
