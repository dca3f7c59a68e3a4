import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Announcement, type AnnouncementStatus, announcementRecipients, announcements } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/actions";
import { writeAudit } from "@/lib/audit/write";
import type { Permission } from "@/lib/auth/permissions";
import { ConflictError, ValidationError } from "@/lib/errors";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { localDateTime } from "@/lib/calendar/time";
import { lockAnnouncement } from "./load";
import { approveSchema, idSchema, returnSchema } from "./schemas";
import { announcementAllowedFrom, canMoveAnnouncement } from "./status";
import { msg, ref } from "@/lib/i18n/translate";

type Patch = Partial<typeof announcements.$inferInsert>;

/** Moves the status forward under the allowed-from rule; the caller holds the row lock. */
export async function moveAnnouncement(
  tx: DbOrTx,
  id: number,
  to: AnnouncementStatus,
  patch: Patch = {},
): Promise<Announcement | null> {
  const [row] = await tx
    .update(announcements)
    .set({ ...patch, status: to, updatedAt: new Date() })
    .where(and(eq(announcements.id, id), inArray(announcements.status, [...announcementAllowedFrom[to]])))
    .returning();
  return row ?? null;
}

interface Step {
  permission: Permission;
  to: AnnouncementStatus;
  action: AuditAction;
  summary: (a: Announcement) => string;
  patch?: (a: Announcement, ctx: Ctx) => Patch;
  after?: (tx: DbOrTx, a: Announcement) => Promise<void>;
}

async function step(ctx: Ctx, id: number, s: Step, changes?: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, s.permission);
  return withTransaction(ctx, async (ctx, tx) => {
    const before = await lockAnnouncement(tx, ctx, id);
    if (!canMoveAnnouncement(before.status, s.to)) {
      throw new ConflictError(
        msg("announcements.errors.badTransition", {
          from: ref(`announcements.statuses.${before.status}`),
          to: ref(`announcements.statuses.${s.to}`),
        }),
      );
    }
    const row = await moveAnnouncement(tx, id, s.to, s.patch?.(before, ctx) ?? {});
    if (!row) throw new ConflictError("announcements.errors.changedMeanwhile");
    await s.after?.(tx, row);
    await writeAudit(tx, ctx, {
      action: s.action,
      entityType: "announcement",
      entityId: id,
      unitId: before.unitId,
      summary: s.summary(before),
      changes,
    });
    return row;
  });
}

export async function submitAnnouncement(ctx: Ctx, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.write");
  const { id } = parseInput(idSchema, raw);
  return step(ctx, id, {
    permission: "announcements.write",
    to: "submitted",
    action: "announcement.submit",
    summary: (a) => `Trình duyệt tin "${a.title}"`,
    patch: () => ({ submittedAt: ctx.now ?? new Date(), reviewComment: null }),
  });
}

/** "yyyy-MM-ddTHH:mm" typed in the form is Vietnam time; an ISO instant with a zone is taken as is. */
function parseScheduledAt(value: string | undefined, now: Date): Date | null {
  if (!value) return null;
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  const at = local ? localDateTime(local[1], local[2]) : new Date(value);
  if (Number.isNaN(at.getTime())) throw new ValidationError({ scheduledAt: "announcements.errors.scheduleInvalid" });
  if (at.getTime() < now.getTime() - 60_000)
    throw new ValidationError({ scheduledAt: "announcements.errors.schedulePast" });
  return at;
}

/** A supervisor approves: sending starts now or at the chosen time (the worker picks it up). */
export async function approveAnnouncement(ctx: Ctx, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.approve");
  const input = parseInput(approveSchema, raw);
  const now = ctx.now ?? new Date();
  const scheduledAt = parseScheduledAt(input.scheduledAt, now) ?? now;
  return step(
    ctx,
    input.id,
    {
      permission: "announcements.approve",
      to: "approved",
      action: "announcement.approve",
      summary: (a) =>
        `Duyệt tin "${a.title}"${input.scheduledAt ? `, hẹn gửi ${scheduledAt.toISOString()}` : ", gửi ngay"}`,
      patch: (_a, c) => ({
        approvedBy: c.actor.id,
        approvedAt: now,
        scheduledAt,
        reviewComment: input.comment ?? null,
      }),
    },
    { scheduledAt: scheduledAt.toISOString(), comment: input.comment ?? null },
  );
}

export async function returnAnnouncement(ctx: Ctx, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.approve");
  const input = parseInput(returnSchema, raw);
  return step(
    ctx,
    input.id,
    {
      permission: "announcements.approve",
      to: "returned",
      action: "announcement.return",
      summary: (a) => `Trả lại tin "${a.title}"`,
      patch: () => ({ reviewComment: input.comment }),
    },
    { comment: input.comment },
  );
}

export async function pauseAnnouncement(ctx: Ctx, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.approve");
  const { id } = parseInput(idSchema, raw);
  return step(ctx, id, {
    permission: "announcements.approve",
    to: "paused",
    action: "announcement.pause",
    summary: (a) => `Tạm dừng gửi tin "${a.title}"`,
  });
}

/** Back to "approved": the worker continues with the recipients not yet sent. */
export async function resumeAnnouncement(ctx: Ctx, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.approve");
  const { id } = parseInput(idSchema, raw);
  return step(ctx, id, {
    permission: "announcements.approve",
    to: "approved",
    action: "announcement.resume",
    summary: (a) => `Tiếp tục gửi tin "${a.title}"`,
  });
}

const beforeApproval: readonly AnnouncementStatus[] = ["draft", "submitted", "returned"];

/** Cancels: recipients not yet sent are marked cancelled in the same transaction, so the worker sends no more. */
export async function cancelAnnouncement(ctx: Ctx, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.read");
  const { id } = parseInput(idSchema, raw);
  const current = await withTransaction(ctx, (ctx, tx) => lockAnnouncement(tx, ctx, id));
  // The author may withdraw what is not yet approved; stopping an approved send is the approver's call.
  const permission: Permission =
    beforeApproval.includes(current.status) && ctx.actor.role !== "supervisor"
      ? "announcements.write"
      : "announcements.approve";
  return step(ctx, id, {
    permission,
    to: "cancelled",
    action: "announcement.cancel",
    summary: (a) => `Hủy tin "${a.title}"`,
    patch: () => ({ finishedAt: ctx.now ?? new Date(), claimedBy: null }),
    after: async (tx, a) => {
      await tx
        .update(announcementRecipients)
        .set({ status: "cancelled", claimedBy: null, updatedAt: sql`now()` })
        .where(
          and(
            eq(announcementRecipients.announcementId, a.id),
            inArray(announcementRecipients.status, ["queued", "failed_temporary"]),
          ),
        );
    },
  });
}
