import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Announcement, announcementImages, announcements } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { ConflictError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockAnnouncement } from "./load";
import { type DraftInput, draftSchema } from "./schemas";
import { announcementSlug } from "./slug";
import { editableStatuses } from "./status";
import { msg, ref } from "@/lib/i18n/translate";
import { withTransaction } from "@/lib/services/context";

async function checkCover(tx: DbOrTx, ctx: Ctx, coverImageId: number | undefined, unitId: number): Promise<void> {
  if (!coverImageId) return;
  const [img] = await tx
    .select({ id: announcementImages.id })
    .from(announcementImages)
    .where(and(eq(announcementImages.id, coverImageId), eq(announcementImages.unitId, unitId)));
  if (!img) throw new ValidationError({ coverImageId: "announcements.errors.coverMissing" });
}

function contentOf(input: DraftInput) {
  return {
    title: input.title,
    summary: input.summary,
    category: input.category,
    coverImageId: input.coverImageId ?? null,
    coverImageUrl: input.coverImageUrl ?? null,
    body: input.body,
    audience: input.audience,
    beyondWindow: input.beyondWindow ?? null,
  };
}

/** Creates a draft in the author's unit. `source` = "api" for the CMS, which lands it awaiting approval. */
export async function createAnnouncement(
  ctx: Ctx,
  raw: Record<string, unknown>,
  opts: { source?: "portal" | "api" } = {},
): Promise<Announcement> {
  requirePermission(ctx, "announcements.write");
  const input = parseInput(draftSchema, raw);
  const unitId = ctx.actor.unitId;
  if (unitId == null) throw new ValidationError({ _form: "announcements.errors.noUnit" });
  const source = opts.source ?? "portal";
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    await checkCover(tx, ctx, input.coverImageId, unitId);
    const [row] = await tx
      .insert(announcements)
      .values({
        ...contentOf(input),
        unitId,
        slug: sql`'pending-' || gen_random_uuid()::text`,
        source,
        status: source === "api" ? "submitted" : "draft",
        submittedAt: source === "api" ? now : null,
        createdBy: ctx.actor.kind === "staff" ? ctx.actor.id : null,
      })
      .returning();
    const [withSlug] = await tx
      .update(announcements)
      .set({ slug: announcementSlug(row.title, row.id) })
      .where(eq(announcements.id, row.id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "announcement.create",
      entityType: "announcement",
      entityId: row.id,
      unitId,
      summary: `${source === "api" ? "Hệ thống tin tức gửi" : "Soạn"} tin "${row.title}"`,
    });
    return withSlug;
  });
}

/**
 * Saves the author's edits (also the autosave). An approved or paused announcement goes back to
 * "chờ duyệt": what was approved is no longer what would be sent. A running send must be paused first.
 */
export async function saveAnnouncementDraft(ctx: Ctx, id: number, raw: Record<string, unknown>): Promise<Announcement> {
  requirePermission(ctx, "announcements.write");
  const input = parseInput(draftSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const before = await lockAnnouncement(tx, ctx, id);
    if (!editableStatuses.includes(before.status)) {
      throw new ConflictError(
        msg("announcements.errors.notEditable", { from: ref(`announcements.statuses.${before.status}`) }),
      );
    }
    await checkCover(tx, ctx, input.coverImageId, before.unitId);
    const after = contentOf(input);
    const changes = diff(before as unknown as Record<string, unknown>, after);
    if (!Object.keys(changes).length) return before;
    const needsApprovalAgain = before.status === "approved" || before.status === "paused";
    const [row] = await tx
      .update(announcements)
      .set({
        ...after,
        slug: before.publishedAt ? before.slug : announcementSlug(after.title, id),
        version: before.version + 1,
        updatedAt: now,
        ...(needsApprovalAgain
          ? { status: "submitted" as const, approvedBy: null, approvedAt: null, submittedAt: now }
          : {}),
      })
      .where(and(eq(announcements.id, id), inArray(announcements.status, [...editableStatuses])))
      .returning();
    await writeAudit(tx, ctx, {
      action: needsApprovalAgain ? "announcement.edit_after_approval" : "announcement.edit",
      entityType: "announcement",
      entityId: id,
      unitId: before.unitId,
      summary: needsApprovalAgain
        ? `Sửa tin "${after.title}" sau khi duyệt: cần duyệt lại`
        : `Sửa tin "${after.title}"`,
      changes,
    });
    return row;
  });
}
