import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, zaloFollowers } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withdrawZaloByPhone } from "@/lib/dossiers/zalo-withdraw";
import { touchFollower } from "./record";

export const consentReasons = {
  unfollowed: "Người dân đã bỏ quan tâm OA: không gửi tin tư vấn qua Zalo",
  withdrawn: "Người dân đã rút lại đồng ý chia sẻ thông tin với OA: không dùng liên kết Zalo để gửi tin",
} as const;

/**
 * Consultation messages still waiting for this Zalo user go to their next channel (ZBS to the dossier's phone, which
 * rests on the consent given with the dossier), or fail with the reason when there is none. Rows being sent finish.
 */
export async function stopConsultationsTo(db: DbOrTx, oaUserId: string, reason: string): Promise<number> {
  const waiting = and(
    eq(notifications.channel, "cs"),
    eq(notifications.recipient, oaUserId),
    inArray(notifications.status, ["queued", "failed_temporary"]),
  );
  const moved = await db
    .update(notifications)
    .set({
      channel: sql`${notifications.fallbacks}->0->>'channel'`,
      recipient: sql`${notifications.fallbacks}->0->>'recipient'`,
      templateId: sql`${notifications.fallbacks}->0->>'templateId'`,
      params: sql`${notifications.fallbacks}->0->'params'`,
      fallbacks: sql`${notifications.fallbacks} - 0`,
      lastError: reason,
      nextAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(waiting, sql`jsonb_array_length(${notifications.fallbacks}) > 0`))
    .returning({ id: notifications.id });
  const failed = await db
    .update(notifications)

    .set({
      status: "failed_permanent",
      lastErrorCode: null,
      lastError: reason,
      failedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(waiting)
    .returning({ id: notifications.id });
  return moved.length + failed.length;
}

/**
 * user_withdraw (Law 91/2025: consent may be withdrawn at any time, and processing on its basis stops): the phone,
 * name and address the citizen shared are erased and the Zalo account is no longer linked to their dossiers; the
 * time of withdrawal is kept as the record, with an audit row naming no personal value. An older withdrawal
 * delivered after a newer share changes nothing.
 */
export async function withdrawFollowerConsent(
  db: DbOrTx,
  input: { oaUserId: string; appUserId: string | null; at: Date },
) {
  return db.transaction(async (tx) => {
    const follower = await touchFollower(tx, input.oaUserId, input.at, input.appUserId, false);
    const [row] = await tx
      .update(zaloFollowers)
      .set({
        phone84: null,
        phoneClaim84: null,
        phoneConfirmedAt: null,
        phoneConfirmedBy: null,
        sharedName: null,
        sharedAddress: null,
        consentAt: null,
        consentWithdrawnAt: input.at,
      })
      .where(
        and(
          eq(zaloFollowers.id, follower.id),
          or(isNull(zaloFollowers.consentAt), lt(zaloFollowers.consentAt, input.at)),
        ),
      )
      .returning({ id: zaloFollowers.id });
    if (!row) return { withdrawn: false, stopped: 0 };
    const stopped = await stopConsultationsTo(tx, input.oaUserId, consentReasons.withdrawn);
    // ZBS to the proven phone rested on the same wish to hear from the OA on Zalo: it stops too.
    const dossiersStopped = follower.phone84 ? await withdrawZaloByPhone(tx, follower.phone84, "zalo", input.at) : 0;
    await writeAudit(tx, systemCtx(), {
      action: "zalo.follower.consent_withdrawn",
      entityType: "zalo_follower",
      entityId: follower.id,
      summary: "Người quan tâm OA rút lại đồng ý chia sẻ thông tin (sự kiện user_withdraw của Zalo)",
      changes: { linkRemoved: follower.phone84 !== null, waitingMessagesStopped: stopped, dossiersStopped },
    });
    return { withdrawn: true, stopped };
  });
}
