import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { dossiers, followupStatuses, ratingFollowups, ratings, staff } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { RATING_ANSWER, actorName, writeDossierEvent } from "@/lib/dossiers/events";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { dbOf, withTransaction } from "@/lib/services/context";
import { checkbox, optionalText, parseInput } from "@/lib/validation";

export async function listFollowups(ctx: Ctx, opts: { status?: string } = {}) {
  requirePermission(ctx, "ratings.read");
  const status = followupStatuses.find((s) => s === opts.status);
  return dbOf(ctx)
    .select({
      id: ratingFollowups.id,
      status: ratingFollowups.status,
      dueAt: ratingFollowups.dueAt,
      overdue: sql<boolean>`(${ratingFollowups.status} <> 'closed' and ${ratingFollowups.dueAt} < now())`,
      assigneeId: ratingFollowups.assigneeId,
      assigneeName: ratingFollowups.assigneeName,
      actionTaken: ratingFollowups.actionTaken,
      answer: ratingFollowups.answer,
      answeredAt: ratingFollowups.answeredAt,
      createdAt: ratingFollowups.createdAt,
      code: dossiers.code,
      ownerName: dossiers.ownerName,
      comment: ratings.comment,
      channel: ratings.channel,
      notifyZalo: dossiers.notifyZalo,
    })
    .from(ratingFollowups)
    .innerJoin(ratings, eq(ratings.id, ratingFollowups.ratingId))
    .innerJoin(dossiers, eq(dossiers.id, ratingFollowups.dossierId))
    .where(and(inUnitScope(ctx, ratingFollowups.unitId), status ? eq(ratingFollowups.status, status) : undefined))
    .orderBy(asc(ratingFollowups.status), asc(ratingFollowups.dueAt))
    .limit(200);
}

/** Staff a follow-up may be assigned to: active staff of the caller's scope. */
export async function followupAssignees(ctx: Ctx) {
  requirePermission(ctx, "ratings.followup");
  return dbOf(ctx)
    .select({ id: staff.id, fullName: staff.fullName })
    .from(staff)
    .where(
      and(eq(staff.active, true), inUnitScope(ctx, staff.unitId), inArray(staff.role, ["supervisor", "receptionist"])),
    )
    .orderBy(asc(staff.fullName));
}

const updateSchema = z.object({
  id: z.coerce.number().int().positive(),
  assigneeId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  actionTaken: optionalText("errors.fields.actionTaken", 2000),
  answer: optionalText("errors.fields.answer", 1000),
  close: checkbox.default(false),
});

/**
 * Assign, record what was done, answer the citizen (an outbox event: on Zalo inside the conversation window,
 * otherwise recorded as not sent with the reason) and close. A closed follow-up needs what was done.
 */
export async function updateFollowup(ctx: Ctx, raw: unknown): Promise<void> {
  requirePermission(ctx, "ratings.followup");
  const input = parseInput(updateSchema, raw);
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    const [f] = await tx
      .select()
      .from(ratingFollowups)
      .where(and(eq(ratingFollowups.id, input.id), inUnitScope(ctx, ratingFollowups.unitId)))
      .for("update");
    if (!f) throw new NotFoundError("errors.notFound.followup");
    const changes: Partial<typeof ratingFollowups.$inferInsert> = { updatedAt: now };
    if (input.assigneeId && input.assigneeId !== f.assigneeId) {
      const [who] = await tx
        .select({ id: staff.id, fullName: staff.fullName })
        .from(staff)
        .where(and(eq(staff.id, input.assigneeId), eq(staff.active, true), inUnitScope(ctx, staff.unitId)));
      if (!who) throw new ValidationError({ assigneeId: "errors.rating.assigneeOutside" });
      Object.assign(changes, {
        assigneeId: who.id,
        assigneeName: who.fullName,
        status: f.status === "closed" ? "closed" : "assigned",
      });
    }
    if (input.actionTaken) changes.actionTaken = input.actionTaken;
    if (input.close) {
      if (!(input.actionTaken ?? f.actionTaken))
        throw new ValidationError({ actionTaken: "errors.rating.actionRequired" });
      Object.assign(changes, { status: "closed", closedAt: now });
    }
    const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, f.dossierId));
    if (input.answer) {
      Object.assign(changes, { answer: input.answer, answeredAt: now, answerChannel: d.notifyZalo ? "zalo" : null });
      await writeDossierEvent(tx, d, RATING_ANSWER, { note: input.answer });
    }
    await tx.update(ratingFollowups).set(changes).where(eq(ratingFollowups.id, f.id));
    await writeAudit(tx, ctx, {
      action: "rating.followup",
      entityType: "rating_followup",
      entityId: f.id,
      unitId: f.unitId,
      summary: `${await actorName(tx, ctx)} cập nhật phản ánh về hồ sơ ${d.code}`,
      changes: { ...changes, updatedAt: undefined },
    });
  });
}
