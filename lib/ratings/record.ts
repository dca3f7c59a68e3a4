import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Dossier, type Rating, type RatingChannel, type RatingLevel, ratingFollowups, ratings } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { loadClock } from "@/lib/dossiers/clock";
import { ConflictError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { ratings as messages } from "@/lib/i18n/messages/vi/ratings";
import { getRatingSettings } from "./settings";
import { msg } from "@/lib/i18n/translate";

export interface RatingRecord {
  channel: RatingChannel;
  level: RatingLevel;
  criteria: Record<string, RatingLevel>;
  comment: string | null;
  zaloTrackingId?: string | null;
  zaloStars?: number | null;
}

export interface RecordedRating {
  rating: Rating;
  created: boolean;
  /** Set when this rating opened a follow-up (a "Không hài lòng"). */
  followupDueAt: Date | null;
}

/** Whether a rating given at `ratedAt` may still be changed at `now`. */
function changeable(ratedAt: Date, changeDays: number, now: Date): boolean {
  return now.getTime() - ratedAt.getTime() <= changeDays * 86_400_000;
}

/**
 * The one place a rating is written, whatever the channel: only returned dossiers, one rating per dossier
 * (changeable for the configured days), a follow-up opened by the first "Không hài lòng". Call with the
 * dossier locked FOR UPDATE inside the caller's transaction.
 */
export async function recordRating(tx: Tx, ctx: Ctx, d: Dossier, input: RatingRecord): Promise<RecordedRating> {
  const now = ctx.now ?? new Date();
  if (d.status !== "returned" || !d.returnedAt) throw new ConflictError("ratings.errors.notReturned");
  const settings = await getRatingSettings(tx);
  const known = new Set(settings.criteria.map((c) => c.key));
  const criteria = Object.fromEntries(Object.entries(input.criteria).filter(([k]) => known.has(k)));
  const [existing] = await tx.select().from(ratings).where(eq(ratings.dossierId, d.id));
  if (existing && !changeable(existing.ratedAt, settings.changeDays, now)) {
    throw new ConflictError(
      msg("ratings.errors.tooLate", { at: formatDate(existing.ratedAt), days: settings.changeDays }),
    );
  }
  const values = {
    level: input.level,
    criteria,
    comment: input.comment,
    channel: input.channel,
    zaloTrackingId: input.zaloTrackingId ?? existing?.zaloTrackingId ?? null,
    zaloStars: input.zaloStars ?? null,
    updatedAt: now,
  };
  const [rating] = existing
    ? await tx
        .update(ratings)
        .set({ ...values, changes: existing.changes + 1 })
        .where(eq(ratings.id, existing.id))
        .returning()
    : await tx
        .insert(ratings)
        .values({
          ...values,
          dossierId: d.id,
          unitId: d.unitId,
          procedureId: d.procedureId,
          receivedById: d.receivedById,
          returnedAt: d.returnedAt,
          ratedAt: now,
        })
        .returning();
  let followupDueAt: Date | null = null;
  if (rating.level === "dissatisfied") {
    const [open] = await tx.select().from(ratingFollowups).where(eq(ratingFollowups.ratingId, rating.id));
    followupDueAt = open?.dueAt ?? null;
    if (!open) {
      const clock = await loadClock(tx, d.unitId);
      followupDueAt = clock.dueAt(now, {
        processingDays: settings.followupWorkingDays,
        processingHours: null,
        cutoffTime: null,
      })!;
      await tx.insert(ratingFollowups).values({
        ratingId: rating.id,
        dossierId: d.id,
        unitId: d.unitId,
        dueAt: followupDueAt,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await writeAudit(tx, ctx, {
    action: existing ? "rating.change" : "rating.create",
    entityType: "rating",
    entityId: rating.id,
    unitId: d.unitId,
    summary:
      `${existing ? "Đánh giá lại" : "Đánh giá"} hồ sơ ${d.code}: ${messages.levels[rating.level]} ` +
      `(${messages.channels[rating.channel]})`,
    changes: { level: rating.level, channel: rating.channel },
  });
  return { rating, created: !existing, followupDueAt };
}
