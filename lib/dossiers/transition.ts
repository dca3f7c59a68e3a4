import { and, eq, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Dossier, type DossierStatus, dossiers } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatDateTime, formatMoney } from "@/lib/format";
import { issueReceipt } from "@/lib/dossiers/receipt-issue";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { normaliseDossierCode } from "./chat-lookup";
import { type DossierClock, loadClock } from "./clock";
import { RATING_REQUEST, actorName, writeDossierEvent, writeHistory } from "./events";
import {
  APOLOGY,
  canApologise,
  canTransition,
  illegalTransitionMessage,
  requiredExtras,
  statusLabels,
} from "./lifecycle";
import { assignReception } from "./reception";
import { type TransitionInput, transitionSchema } from "./schemas";
import { dossierSearchText } from "./search-text";
import { msg } from "@/lib/i18n/translate";

export interface TransitionResult {
  code: string;
  status: DossierStatus;
  dueAt: Date | null;
  newDueAt: Date | null;
}

/** The dossier locked for update, if it exists inside the caller's scope; otherwise it "does not exist". */
export async function lockDossierInScope(tx: Tx, ctx: Ctx, code: string): Promise<Dossier> {
  const wanted = normaliseDossierCode(code);
  const [d] = await tx
    .select()
    .from(dossiers)
    .where(and(or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)), inUnitScope(ctx, dossiers.unitId)))
    .for("update");
  if (!d) throw new NotFoundError("errors.notFound.dossier");
  return d;
}

function requireExtras(input: TransitionInput) {
  const errors: Record<string, string> = {};
  for (const extra of requiredExtras(input.to as DossierStatus)) {
    if (extra === "fee" && !input.fee) errors.feeAmount = "errors.dossier.feeRequired";
    if (extra === "reason" && !input.reason)
      errors.reason = input.to === APOLOGY ? "errors.dossier.lateReasonRequired" : "errors.dossier.reasonRequired";
    if (extra === "missing" && !input.missing?.length) errors.missing = "errors.dossier.missingRequired";
    if (extra === "newDueAt" && !input.newDueAt) errors.newDueAt = "errors.dossier.newDueAtRequired";
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** Working time spent waiting for a supplement moves the legal due date (pause), or the clock starts over (restart). */
function resumeAfterSupplement(d: Dossier, clock: DossierClock, now: Date): Partial<Dossier> {
  if (!d.pausedAt) return {};
  const paused = Math.max(0, clock.workingMinutesBetween(d.pausedAt, now));
  const base = { pausedAt: null, pausedMinutes: d.pausedMinutes + paused };
  if (d.procedure.supplementClock === "restart") return { ...base, dueAt: clock.dueAt(now, d.procedure) };
  return { ...base, dueAt: d.dueAt ? clock.addWorkingMinutes(d.dueAt, paused) : null };
}

/** Phiếu xin lỗi (Mẫu 04): at least one working day before the appointment, with a later date; the legal date stays. */
function apologyChanges(d: Dossier, input: TransitionInput, clock: DossierClock, now: Date): Partial<Dossier> {
  if (!canApologise(d.status)) throw new ConflictError(illegalTransitionMessage(d.status, APOLOGY));
  const appointment = d.newDueAt ?? d.dueAt;
  if (!appointment) throw new ConflictError("errors.dossier.noAppointment");
  if (clock.workingMinutesBetween(now, appointment) < 8 * 60) {
    throw new ConflictError(msg("errors.dossier.apologyTooLate", { at: formatDateTime(appointment) }));
  }
  if (input.newDueAt!.getTime() <= appointment.getTime()) {
    throw new ValidationError({
      newDueAt: msg("errors.dossier.newDueAtBefore", { at: formatDateTime(appointment) }),
    });
  }
  return { apologyAt: now, apologyReason: input.reason!, newDueAt: input.newDueAt! };
}

async function statusChanges(
  tx: Tx,
  d: Dossier,
  input: TransitionInput,
  to: DossierStatus,
  now: Date,
): Promise<Partial<Dossier>> {
  switch (to) {
    case "received": {
      // An online dossier accepted at the desk: numbered and timed from today, its national code kept.
      const clock = await loadClock(tx, d.unitId);
      const r = await assignReception(tx, d.unitId, now, d.procedure, clock);
      return {
        code: r.code,
        receivedAt: now,
        dueAt: r.dueAt,
        originalDueAt: r.dueAt,
        registerBook: r.registerBook,
        registerLine: r.registerLine,
      };
    }
    case "appraising":
      return d.status === "supplement_requested"
        ? { ...resumeAfterSupplement(d, await loadClock(tx, d.unitId), now), missingItems: null }
        : {};
    case "supplement_requested":
      return { pausedAt: now, missingItems: input.missing! };
    case "fee_requested":
      return { feeAmount: input.fee!.amount, feePaymentUrl: input.fee!.paymentUrl ?? null, feePaidAt: null };
    case "fee_paid":
      return { feePaidAt: now };
    case "result_ready":
      return { finishedAt: now };
    case "returned":
      return { returnedAt: now, finishedAt: d.finishedAt ?? now };
    case "rejected":
      return { rejectionReason: input.reason! };
    default:
      return {};
  }
}

function auditSummary(d: Dossier, input: TransitionInput, to: DossierStatus | typeof APOLOGY): string {
  if (to === APOLOGY) return `Phát hành phiếu xin lỗi hồ sơ ${d.code}, hẹn lại ${formatDateTime(input.newDueAt!)}`;
  const extra = to === "fee_requested" ? ` (${formatMoney(input.fee!.amount)})` : "";
  return `Chuyển hồ sơ ${d.code}: ${statusLabels[d.status]} → ${statusLabels[to]}${extra}`;
}

/**
 * Moves a dossier along its lifecycle (or issues an apology): checks the permission, the caller's unit
 * scope and the state machine, then in one transaction updates the dossier, records history, queues the
 * outbox event and audits. Callable by staff, API keys and the system alike.
 */
export async function transitionDossier(ctx: Ctx, raw: unknown): Promise<TransitionResult> {
  requirePermission(ctx, "dossiers.transition");
  const input = parseInput(transitionSchema, raw);
  const to = input.to as DossierStatus | typeof APOLOGY;
  return withTransaction(ctx, async (ctx, tx) => {
    const d = await lockDossierInScope(tx, ctx, input.code);
    if (to !== APOLOGY && !canTransition(d.status, to)) throw new ConflictError(illegalTransitionMessage(d.status, to));
    requireExtras(input);
    const now = ctx.now ?? new Date();
    const changes =
      to === APOLOGY
        ? apologyChanges(d, input, await loadClock(tx, d.unitId), now)
        : await statusChanges(tx, d, input, to, now);
    const status = to === APOLOGY ? d.status : to;
    const next = { ...d, ...changes, status, updatedAt: now };
    if (changes.code) next.searchText = dossierSearchText(next);
    const [updated] = await tx
      .update(dossiers)
      .set({ ...changes, status, updatedAt: now, ...(changes.code ? { searchText: next.searchText } : {}) })
      .where(eq(dossiers.id, d.id))
      .returning();
    const who = await actorName(tx, ctx);
    const data: Record<string, unknown> = {};
    if (input.reason) data.reason = input.reason;
    if (input.missing) data.missing = input.missing;
    if (input.fee) data.fee = input.fee;
    if (to === APOLOGY) data.newDueAt = input.newDueAt!.toISOString();
    if (changes.dueAt !== undefined && to !== "received") data.dueAt = changes.dueAt?.toISOString() ?? null;
    await writeHistory(tx, ctx, {
      dossierId: d.id,
      from: d.status,
      to: status,
      action: to === APOLOGY ? APOLOGY : "transition",
      actorName: who,
      note: input.note,
      data: Object.keys(data).length ? data : undefined,
      at: now,
    });
    await writeDossierEvent(tx, updated, to, { missing: input.missing, reason: input.reason, note: input.note });
    // The rating request follows the "returned" message on Zalo (issue 14): one more outbox row, same transaction.
    if (to === "returned" && updated.notifyZalo) await writeDossierEvent(tx, updated, RATING_REQUEST);
    if (to === "received") {
      if (ctx.actor.kind === "staff")
        await tx.update(dossiers).set({ receivedById: ctx.actor.id, receivedByName: who }).where(eq(dossiers.id, d.id));
      await issueReceipt(tx, ctx, updated, who, now);
    }
    await writeAudit(tx, ctx, {
      action: to === APOLOGY ? "dossier.apology" : "dossier.transition",
      entityType: "dossier",
      entityId: updated.code,
      unitId: d.unitId,
      summary: auditSummary(d, input, to),
      changes: { status: { from: d.status, to: status }, ...data, ...(input.note ? { note: input.note } : {}) },
    });
    return { code: updated.code, status: updated.status, dueAt: updated.dueAt, newDueAt: updated.newDueAt };
  });
}
