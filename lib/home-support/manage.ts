import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  type HomeSupportRegistration,
  type HomeSupportStatus,
  dossiers,
  homeSupportNotes,
  homeSupportRegistrations,
  staff,
} from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { vi } from "@/lib/i18n/messages/vi";
import { parseInput } from "@/lib/validation";
import { assignSchema, linkDossierSchema, noteSchema, statusSchema } from "./schemas";
import { releasePlace } from "./slots";
import { msg, ref } from "@/lib/i18n/translate";
import { withTransaction } from "@/lib/services/context";

/** new → verified → contacted → scheduled (visit or call) → done; cancelled or no-show on the way. */
export const nextStatuses: Record<HomeSupportStatus, readonly HomeSupportStatus[]> = {
  new: ["verified", "contacted", "cancelled"],
  verified: ["contacted", "scheduled", "cancelled", "no_show"],
  contacted: ["scheduled", "done", "cancelled", "no_show"],
  scheduled: ["done", "cancelled", "no_show"],
  done: [],
  cancelled: [],
  no_show: [],
};

const r = homeSupportRegistrations;

async function lockInScope(tx: Tx, ctx: Ctx, id: number): Promise<HomeSupportRegistration> {
  const [row] = await tx
    .select()
    .from(r)
    .where(and(eq(r.id, id), inUnitScope(ctx, r.unitId)))
    .for("update");
  if (!row) throw new NotFoundError("homeSupport.errors.notFound");
  return row;
}

export async function changeRegistrationStatus(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "homesupport.manage");
  const input = parseInput(statusSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const before = await lockInScope(tx, ctx, input.id);
    if (!nextStatuses[before.status].includes(input.status)) {
      throw new ConflictError(
        msg("homeSupport.errors.badTransition", {
          from: ref(`homeSupport.statuses.${before.status}`),
          to: ref(`homeSupport.statuses.${input.status}`),
        }),
      );
    }
    const [after] = await tx
      .update(r)
      .set({ status: input.status, updatedAt: now })
      .where(eq(r.id, before.id))
      .returning();
    // A cancelled booking gives its place back to other citizens.
    if (input.status === "cancelled")
      await releasePlace(tx, before.unitId, { date: before.slotDate, slot: before.slot });
    await writeAudit(tx, ctx, {
      action: "homesupport.status",
      entityType: "home_support_registration",
      entityId: before.id,
      unitId: before.unitId,
      summary: `${before.code}: ${vi.homeSupport.statuses[before.status]} → ${vi.homeSupport.statuses[input.status]}`,
      changes: { status: { from: before.status, to: input.status } },
    });
    return after;
  });
}

export async function assignRegistration(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "homesupport.manage");
  const input = parseInput(assignSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const before = await lockInScope(tx, ctx, input.id);
    let name: string = vi.homeSupport.ui.unassigned;
    if (input.assigneeId) {
      const [person] = await tx
        .select()
        .from(staff)
        .where(and(eq(staff.id, input.assigneeId), eq(staff.unitId, before.unitId), eq(staff.active, true)));
      if (!person) throw new ValidationError({ assigneeId: "errors.homeSupport.assigneeOutside" });
      name = person.fullName;
    }
    const [after] = await tx
      .update(r)
      .set({ assigneeId: input.assigneeId ?? null, updatedAt: now })
      .where(eq(r.id, before.id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "homesupport.assign",
      entityType: "home_support_registration",
      entityId: before.id,
      unitId: before.unitId,
      summary: `${before.code}: phân công ${name}`,
      changes: { assigneeId: { from: before.assigneeId, to: input.assigneeId ?? null } },
    });
    return after;
  });
}

export async function addRegistrationNote(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "homesupport.manage");
  const input = parseInput(noteSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const reg = await lockInScope(tx, ctx, input.id);
    const [note] = await tx
      .insert(homeSupportNotes)
      .values({
        registrationId: reg.id,
        kind: input.kind,
        outcome: input.kind === "call" ? (input.outcome ?? null) : null,
        body: input.body,
        staffId: ctx.actor.id,
      })
      .returning();
    await tx.update(r).set({ updatedAt: now }).where(eq(r.id, reg.id));
    await writeAudit(tx, ctx, {
      action: "homesupport.note",
      entityType: "home_support_registration",
      entityId: reg.id,
      unitId: reg.unitId,
      summary: `${reg.code}: ${
        input.kind === "call" ? `cuộc gọi (${vi.homeSupport.callOutcomes[input.outcome!]})` : "ghi chú"
      }`,
    });
    return note;
  });
}

/** The dossier received at the counter for this registration (intake form opened from the queue). */
export async function linkDossierToRegistration(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "homesupport.manage");
  const input = parseInput(linkDossierSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const reg = await lockInScope(tx, ctx, input.registrationId);
    const [dossier] = await tx
      .select({ id: dossiers.id, code: dossiers.code, unitId: dossiers.unitId })
      .from(dossiers)
      .where(eq(dossiers.id, input.dossierId));
    if (!dossier || dossier.unitId !== reg.unitId)
      throw new ValidationError({ dossierId: "homeSupport.errors.dossierOtherUnit" });
    await tx.update(r).set({ dossierId: dossier.id, updatedAt: now }).where(eq(r.id, reg.id));
    await writeAudit(tx, ctx, {
      action: "homesupport.dossier",
      entityType: "home_support_registration",
      entityId: reg.id,
      unitId: reg.unitId,
      summary: `${reg.code}: tiếp nhận hồ sơ ${dossier.code}`,
    });
  });
}
