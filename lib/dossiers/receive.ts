import { randomBytes } from "node:crypto";
import { and, eq, is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import {
  type Dossier,
  type Procedure,
  type ProcedureSnapshot,
  type ReceivedComponent,
  dossiers,
  procedures,
  units,
} from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { unitInScope } from "@/lib/auth/scope";
import { auditRow } from "@/lib/audit/write";
import { ConflictError, ValidationError } from "@/lib/errors";
import { vi } from "@/lib/i18n/messages/vi";
import { receiptRow } from "@/lib/dossiers/receipt-issue";
import { loadReceiptUnit } from "@/lib/dossiers/receipt-snapshot";
import { unitCodeOn } from "@/lib/units/queries";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { loadClock } from "./clock";
import { receptionDay } from "./code";
import { assertNationalCodeOutsideLocalSpace } from "@/lib/units/national-code";
import { actorName, dossierEventRow, historyRow } from "./events";
import { type IntakeReference, dropIntakeReference, intakeReference } from "./intake-reference";
import { type IntakeNumber, insertIntake } from "./intake-statement";
import { noUnitCodeOn } from "./reception";
import { type IntakeInput, intakeSchema } from "./schemas";
import { dossierSearchText } from "./search-text";
import { securedLookupUrl } from "./urls";
import { msg } from "@/lib/i18n/translate";

export interface ReceiveResult {
  id: number;
  code: string;
  status: "received" | "submitted";
  receivedAt: Date | null;
  dueAt: Date | null;
  lookupUrl: string;
}

/** The consent text and version the counter (or the integrating software) showed, and through which channel. */
function zaloConsentRecord(given: boolean, ctx: Ctx) {
  if (!given) return { zaloConsentChannel: null, zaloConsentVersion: null, zaloConsentText: null };
  const { counter, counterVersion } = vi.privacy.consent;
  const channel = ctx.actor.kind === "apikey" ? ("api" as const) : ("counter" as const);
  return { zaloConsentChannel: channel, zaloConsentVersion: counterVersion, zaloConsentText: counter };
}

/** ≥ 128 random bits, URL-safe: the QR's key to the full public timeline. */
function newLookupSecret(): string {
  return randomBytes(18).toString("base64url");
}

function procedureSnapshot(p: Procedure): ProcedureSnapshot {
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
      return c
        ? { name, copies: c.copies, ...(c.original !== undefined ? { original: c.original } : {}) }
        : { name, copies: 1 };
    });
}

type ScopedUnit = { id: number; path: string; active: boolean };

async function findProcedure(db: Db, ref: IntakeReference, ctx: Ctx, input: IntakeInput): Promise<Procedure> {
  const byId = input.procedureId != null;
  const key = byId ? `procedure:${input.procedureId}` : `procedure-code:${(input.procedureCode ?? "").toUpperCase()}`;
  const found = await ref.get(key, async () => {
    const cond = byId
      ? eq(procedures.id, input.procedureId!)
      : eq(procedures.code, (input.procedureCode ?? "").toUpperCase());
    const [p] = await db
      .select()
      .from(procedures)
      .where(and(cond, eq(procedures.active, true)));
    if (!p) return null;
    const [unit] =
      p.unitId == null
        ? []
        : await db
            .select({ id: units.id, path: units.path, active: units.active })
            .from(units)
            .where(eq(units.id, p.unitId));
    return { procedure: p, unit: (unit ?? null) as ScopedUnit | null };
  });
  const field = byId ? "procedureId" : "procedureCode";
  if (!found) throw new ValidationError({ [field]: "errors.dossier.procedureMissing" });
  if (found.procedure.unitId != null && (!found.unit || !unitInScope(ctx, found.unit))) {
    throw new ValidationError({ [field]: "errors.dossier.procedureOutOfScope" });
  }
  return found.procedure;
}

async function receivingUnit(db: Db, ref: IntakeReference, ctx: Ctx, input: IntakeInput): Promise<number> {
  const unitId = input.unitId ?? ctx.actor.unitId;
  if (!unitId) throw new ValidationError({ unitId: "errors.dossier.unitRequired" });
  const unit = await ref.get(`unit:${unitId}`, async () => {
    const [row] = await db
      .select({ id: units.id, path: units.path, active: units.active })
      .from(units)
      .where(eq(units.id, unitId));
    return (row ?? null) as ScopedUnit | null;
  });
  if (!unit || !unit.active || !unitInScope(ctx, unit))
    throw new ValidationError({ unitId: "errors.dossier.unitOutOfScope" });
  return unit.id;
}

/** The unit's code valid on the reception day, its working-time clock and the receipt's heading. */
async function receptionReference(db: Db, ref: IntakeReference, unitId: number, at: Date) {
  const day = receptionDay(at);
  const [unitCode, clock, receiptUnit] = await Promise.all([
    ref.get(`unit-code:${unitId}:${day.iso}`, () => unitCodeOn(db, unitId, day.iso)),
    ref.get(`clock:${unitId}`, () => loadClock(db, unitId)),
    ref.get(`receipt-unit:${unitId}`, () => loadReceiptUnit(db, unitId)),
  ]);
  if (!unitCode) throw noUnitCodeOn(day);
  return { numbering: { unitCode, day: day.yymmdd, book: day.year }, clock, receiptUnit };
}

const STALE_REFERENCE_RETRIES = 3;

/**
 * How far back an integration may date a reception (`API_BACKDATE_DAYS`, default 30): enough to sync a
 * backlog, not enough to forge an old, long-overdue dossier or rewrite last year's figures.
 */
function apiBackdateDays(): number {
  const days = Number(process.env.API_BACKDATE_DAYS);
  return Number.isFinite(days) && days >= 0 ? days : 30;
}

/**
 * Intake (tiếp nhận hồ sơ): numbers the dossier and stores it with its history, receipt v1, the "received"
 * and "receipt_issued" outbox events and the audit row, all in one statement (see insertIntake). Online
 * dossiers may instead start as "submitted" (awaiting reception) under their national code. What it reads
 * about units, procedures and the calendar comes from the per-process reference snapshot; if that turns out
 * stale, nothing was written and the intake runs again on fresh data.
 */
export async function receiveDossier(ctx: Ctx, raw: unknown): Promise<ReceiveResult> {
  requirePermission(ctx, "dossiers.create");
  const input = parseInput(intakeSchema, raw);
  const db = intakeDb(ctx);
  if (input.receivedAt && ctx.actor.kind === "staff") {
    throw new ValidationError({ receivedAt: "errors.dossier.receivedAtSystem" });
  }
  if (
    input.receivedAt &&
    ctx.actor.kind === "apikey" &&
    input.receivedAt.getTime() < (ctx.now?.getTime() ?? Date.now()) - apiBackdateDays() * 86_400_000
  ) {
    throw new ValidationError({ receivedAt: msg("errors.dossier.receivedAtTooEarly", { days: apiBackdateDays() }) });
  }
  if (input.nationalCode) await assertNationalCodeOutsideLocalSpace(db, input.nationalCode);
  const receiver = await actorName(db, ctx);
  for (let attempt = 1; ; attempt++) {
    const ref = await intakeReference(db);
    const result = await receiveOn(db, ref, ctx, input, receiver);
    if (result) return result;
    await dropIntakeReference(db, ref);
    if (attempt >= STALE_REFERENCE_RETRIES) throw new ConflictError("errors.dossier.catalogueChanging");
  }
}

/** Intake group-commits its statement on the database itself, so it cannot join a caller's transaction. */
function intakeDb(ctx: Ctx): Db {
  const db = dbOf(ctx);
  if (is(db, PgTransaction)) throw new Error("receiveDossier commits on its own: call it outside a transaction");
  return db;
}

/** One attempt at the intake on reference snapshot `ref`; null when the snapshot was stale and nothing was written. */
async function receiveOn(
  db: Db,
  ref: IntakeReference,
  ctx: Ctx,
  input: IntakeInput,
  receiver: string,
): Promise<ReceiveResult | null> {
  const unitId = await receivingUnit(db, ref, ctx, input);
  const procedure = await findProcedure(db, ref, ctx, input);
  const snapshot = procedureSnapshot(procedure);
  const now = ctx.now ?? new Date();
  const at = input.receivedAt ?? now;
  const submitted = input.startAs === "submitted";
  const reception = submitted ? null : await receptionReference(db, ref, unitId, at);
  const dueAt = reception ? reception.clock.dueAt(at, snapshot) : null;
  const owner = input.ownerSameAsSubmitter
    ? {
        name: input.submitterName,
        idNumber: input.submitterIdNumber,
        phone: input.submitterPhone,
        email: input.submitterEmail,
        address: input.submitterAddress,
      }
    : {
        name: input.ownerName!,
        idNumber: input.ownerIdNumber,
        phone: input.ownerPhone,
        email: input.ownerEmail,
        address: input.ownerAddress,
      };
  const people = {
    submitterName: input.submitterName,
    submitterIdNumber: input.submitterIdNumber ?? null,
    submitterPhone84: input.submitterPhone ?? null,
    ownerName: owner.name,
    ownerIdNumber: owner.idNumber ?? null,
    ownerPhone84: owner.phone ?? null,
  };
  const lookupSecret = newLookupSecret();
  const rowsFor = ({ code, registerLine }: IntakeNumber) => {
    const row = {
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
      ...zaloConsentRecord(input.notifyZalo, ctx),
      notifySms: input.notifySms,
      deliverByPost: input.deliverByPost,
      submittedAt: submitted || input.channel === "online" ? at : null,
      receivedAt: submitted ? null : at,
      receivedById: submitted || ctx.actor.kind !== "staff" ? null : ctx.actor.id,
      receivedByName: submitted ? null : receiver,
      dueAt,
      originalDueAt: dueAt,
      registerBook: reception?.numbering.book ?? null,
      registerLine,
      lookupSecret,
      searchText: dossierSearchText({ code, nationalCode: input.nationalCode ?? null, ...people }),
    } satisfies typeof dossiers.$inferInsert;
    const draft: Dossier = { ...unsetDossierColumns, ...row, id: 0, createdAt: now, updatedAt: now };
    return {
      dossier: row,
      history: historyRow(ctx, {
        dossierId: 0,
        from: null,
        to: draft.status,
        action: submitted ? "submit" : "receive",
        actorName: receiver,
        note: input.notes,
        data: input.notifyZalo ? { zaloConsentAt: now.toISOString() } : undefined,
        at,
      }),
      // In this order, so "received" precedes "receipt_issued" in the outbox.
      events: [
        dossierEventRow(draft, draft.status),
        ...(reception ? [dossierEventRow(draft, "receipt_issued", { receiptVersion: 1 })] : []),
      ],
      receipt: reception ? receiptRow(ctx, draft, reception.receiptUnit, receiver, now) : null,
      audit: auditRow(ctx, {
        action: submitted ? "dossier.submit" : "dossier.receive",
        entityType: "dossier",
        entityId: code,
        unitId,
        summary: submitted
          ? `Ghi nhận hồ sơ trực tuyến ${code} chờ tiếp nhận`
          : `Tiếp nhận hồ sơ ${code} — ${procedure.name}`,
        changes: {
          procedureId: procedure.id,
          channel: input.channel,
          notifyZalo: input.notifyZalo,
          notifySms: input.notifySms,
          deliverByPost: input.deliverByPost,
        },
      }),
    };
  };
  const numbering = reception ? reception.numbering : { code: input.nationalCode! };
  const inserted = await insertIntake(db, ref.version, numbering, rowsFor).catch((err: unknown) => {
    if (
      isUniqueViolation(err, "dossiers_national_code_uq") ||
      (submitted && isUniqueViolation(err, "dossiers_code_uq"))
    ) {
      throw new ValidationError({ nationalCode: "errors.dossier.nationalCodeTaken" });
    }
    throw err;
  });
  if (!inserted) return null;
  return {
    id: inserted.id,
    code: inserted.code,
    status: submitted ? "submitted" : "received",
    receivedAt: submitted ? null : at,
    dueAt,
    lookupUrl: securedLookupUrl(inserted.code, lookupSecret),
  };
}

/** The columns intake leaves to later steps, as a new row has them. */
const unsetDossierColumns = {
  pausedAt: null,
  pausedMinutes: 0,
  finishedAt: null,
  returnedAt: null,
  closedAt: null,
  apologyAt: null,
  apologyReason: null,
  newDueAt: null,
  feeAmount: null,
  feePaymentUrl: null,
  feePaidAt: null,
  missingItems: null,
  rejectionReason: null,
  zaloWithdrawnAt: null,
  zaloWithdrawnVia: null,
} satisfies Partial<Dossier>;
