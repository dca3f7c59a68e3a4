import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dossiers, notifications, ratings } from "@/db/schema";
import { type Ctx, systemActor } from "@/lib/auth/actor";
import { RATING_REQUEST } from "@/lib/dossiers/events";
import { ServiceError } from "@/lib/errors";
import { log } from "@/lib/log";
import { notificationIdFromTracking } from "@/lib/notifications/tracking";
import { cleanText } from "@/lib/text";
import { recordRating } from "./record";
import { getRatingSettings, levelForStars } from "./settings";

export interface ZaloFeedback {
  trackingId: string | null;
  stars: number;
  note: string | null;
  /** Reasons the citizen ticked in the rating template. */
  feedbacks: string[];
}

export type FeedbackOutcome = "recorded" | "duplicate" | "unknown_request" | "refused";

const zaloCtx: Ctx = { actor: { ...systemActor, label: "Người dân (Zalo)" }, ip: null };

/**
 * A `user_feedback` answer to our rating template: Zalo names no user, so the tracking_id of the rating request
 * leads to the dossier. Stars become a level through the configured table; the reasons and note become the
 * comment. Redelivered or repeated answers collapse into the dossier's one rating.
 */
export async function recordZaloFeedback(db: Db, fb: ZaloFeedback): Promise<FeedbackOutcome> {
  const notificationId = notificationIdFromTracking(fb.trackingId);
  if (notificationId == null || !(fb.stars >= 1 && fb.stars <= 5)) return "unknown_request";
  const comment = cleanText([...fb.feedbacks, fb.note ?? ""].filter(Boolean).join("; ")) || null;
  try {
    return await db.transaction(async (tx) => {
      const [n] = await tx
        .select({ dossierId: notifications.dossierId, eventType: notifications.eventType })
        .from(notifications)
        .where(eq(notifications.id, notificationId));
      if (!n || n.dossierId == null || n.eventType !== RATING_REQUEST) return "unknown_request";
      const [d] = await tx.select().from(dossiers).where(eq(dossiers.id, n.dossierId)).for("update");
      const [existing] = await tx.select().from(ratings).where(eq(ratings.dossierId, d.id));
      const level = levelForStars(await getRatingSettings(tx), fb.stars);
      if (
        existing &&
        existing.zaloTrackingId === fb.trackingId &&
        existing.zaloStars === fb.stars &&
        existing.level === level &&
        existing.comment === comment
      ) {
        return "duplicate";
      }
      await recordRating(tx, zaloCtx, d, {
        channel: "zalo",
        level,
        criteria: {},
        comment,
        zaloTrackingId: fb.trackingId,
        zaloStars: fb.stars,
      });
      return "recorded";
    });
  } catch (err) {
    // A rating Zalo accepted but we refuse (changed after 7 days) is not worth retrying.
    if (err instanceof ServiceError) {
      log.info({ trackingId: fb.trackingId, reason: err.message }, "Zalo rating refused");
      return "refused";
    }
    throw err;
  }
}
