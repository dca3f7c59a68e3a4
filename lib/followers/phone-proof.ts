import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossiers, notifications, zaloFollowers, zaloPhoneVerifications } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { authSecret } from "@/lib/auth/secret";
import { writeAudit } from "@/lib/audit/write";
import { normaliseDossierCode } from "@/lib/dossiers/chat-lookup";
import { type RateWindow, hitRateLimit } from "@/lib/rate-limit";
import type { Follower } from "./record";

export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_AFTER_MS = 60_000;
export const OTP_DAILY_SENDS = 5;
/** Receipt secrets are long, but each try also names a dossier: a few per hour are enough for a citizen. */
export const RECEIPT_PROOF_LIMIT: RateWindow = { limit: 5, windowSeconds: 3600 };

/** ZBS OTP template (type 2) with one parameter `otp`; the simulator's 330001 by default. */
export function otpTemplateId(): string {
  return process.env.ZALO_OTP_TEMPLATE_ID || "330001";
}

function codeHash(verificationKey: string, code: string): string {
  return createHmac("sha256", authSecret()).update(`${verificationKey}:${code}`).digest("hex");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SendCodeResult =
  | { kind: "sent"; ttlMinutes: number }
  | { kind: "wait"; seconds: number }
  | { kind: "dailyLimit" }
  | { kind: "noClaim" };

/**
 * A fresh one-time code for the follower's claimed phone, queued as a ZBS template message (the outbox sends it,
 * so it reaches the phone's own Zalo account, not necessarily this one). Older codes stop working.
 */
export async function sendPhoneCode(db: DbOrTx, followerId: number, now = new Date()): Promise<SendCodeResult> {
  return db.transaction(async (tx) => {
    const [f] = await tx.select().from(zaloFollowers).where(eq(zaloFollowers.id, followerId)).for("update");
    const phone = f?.phoneClaim84;
    if (!phone) return { kind: "noClaim" as const };
    const recent = await tx
      .select({ sentAt: zaloPhoneVerifications.sentAt })
      .from(zaloPhoneVerifications)
      .where(
        and(
          eq(zaloPhoneVerifications.followerId, followerId),
          gt(zaloPhoneVerifications.sentAt, new Date(now.getTime() - 86_400_000)),
        ),
      )
      .orderBy(desc(zaloPhoneVerifications.sentAt));
    const last = recent[0]?.sentAt.getTime() ?? 0;
    if (now.getTime() - last < OTP_RESEND_AFTER_MS)
      return { kind: "wait" as const, seconds: Math.ceil((last + OTP_RESEND_AFTER_MS - now.getTime()) / 1000) };
    if (recent.length >= OTP_DAILY_SENDS) return { kind: "dailyLimit" as const };
    await tx
      .update(zaloPhoneVerifications)
      .set({ expiresAt: now })
      .where(and(eq(zaloPhoneVerifications.followerId, followerId), isNull(zaloPhoneVerifications.usedAt)));
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const key = `${followerId}:${phone}:${now.getTime()}`;
    await tx.insert(zaloPhoneVerifications).values({
      followerId,
      phone84: phone,
      codeHash: `${now.getTime()}$${codeHash(key, code)}`,
      sentAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
    });
    await tx.insert(notifications).values({
      eventType: "phone:otp",
      channel: "zbs",
      recipient: phone,
      templateId: otpTemplateId(),
      params: { otp: code },
      status: "queued",
    });
    await writeAudit(tx, systemCtx(), {
      action: "zalo.follower.phone_code_sent",
      entityType: "zalo_follower",
      entityId: followerId,
      summary: "Gửi mã xác nhận số điện thoại qua ZBS tới số người quan tâm OA đã chia sẻ",
    });
    return { kind: "sent" as const, ttlMinutes: OTP_TTL_MS / 60_000 };
  });
}

export type ConfirmResult =
  | { kind: "confirmed"; phone84: string }
  | { kind: "alreadyConfirmed"; phone84: string }
  | { kind: "wrong"; left: number }
  | { kind: "locked" }
  | { kind: "expired" }
  | { kind: "limited"; minutes: number }
  | { kind: "noClaim" };

/** The claim becomes the follower's proven phone; any other follower's link to that phone is left as it is. */
async function confirmClaim(tx: DbOrTx, f: Follower, by: "otp" | "receipt", now: Date): Promise<ConfirmResult> {
  const phone84 = f.phoneClaim84!;
  await tx
    .update(zaloFollowers)
    .set({ phone84, phoneClaim84: null, phoneConfirmedAt: now, phoneConfirmedBy: by, updatedAt: now })
    .where(eq(zaloFollowers.id, f.id));
  await writeAudit(tx, systemCtx(), {
    action: "zalo.follower.phone_confirmed",
    entityType: "zalo_follower",
    entityId: f.id,
    summary: `Người quan tâm OA xác nhận số điện thoại bằng ${by === "otp" ? "mã gửi qua ZBS" : "mã trên phiếu"}`,
    changes: { method: by },
  });
  return { kind: "confirmed", phone84 };
}

async function lockedFollower(tx: DbOrTx, followerId: number): Promise<Follower | undefined> {
  const [f] = await tx.select().from(zaloFollowers).where(eq(zaloFollowers.id, followerId)).for("update");
  return f;
}

/** The code typed back in the chat: at most OTP_MAX_ATTEMPTS tries per code, within OTP_TTL_MS of sending. */
export async function confirmPhoneByCode(
  db: DbOrTx,
  followerId: number,
  code: string,
  now = new Date(),
): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const f = await lockedFollower(tx, followerId);
    if (!f?.phoneClaim84) return f?.phone84 ? { kind: "alreadyConfirmed", phone84: f.phone84 } : { kind: "noClaim" };
    const [v] = await tx
      .select()
      .from(zaloPhoneVerifications)
      .where(
        and(
          eq(zaloPhoneVerifications.followerId, followerId),
          eq(zaloPhoneVerifications.phone84, f.phoneClaim84),
          isNull(zaloPhoneVerifications.usedAt),
        ),
      )
      .orderBy(desc(zaloPhoneVerifications.sentAt))
      .limit(1);
    if (!v) return { kind: "expired" };
    if (v.attempts >= OTP_MAX_ATTEMPTS) return { kind: "locked" };
    if (v.expiresAt <= now) return { kind: "expired" };
    const [salt, hash] = v.codeHash.split("$");
    if (!sameText(codeHash(`${followerId}:${v.phone84}:${salt}`, code), hash)) {
      const attempts = v.attempts + 1;
      await tx.update(zaloPhoneVerifications).set({ attempts }).where(eq(zaloPhoneVerifications.id, v.id));
      if (attempts >= OTP_MAX_ATTEMPTS) {
        await writeAudit(tx, systemCtx(), {
          action: "zalo.follower.phone_code_locked",
          entityType: "zalo_follower",
          entityId: followerId,
          summary: "Nhập sai mã xác nhận số điện thoại quá số lần cho phép",
        });
        return { kind: "locked" };
      }
      return { kind: "wrong", left: OTP_MAX_ATTEMPTS - attempts };
    }
    await tx.update(zaloPhoneVerifications).set({ usedAt: now }).where(eq(zaloPhoneVerifications.id, v.id));
    return confirmClaim(tx, f, "otp", now);
  });
}

/** The receipt's look-up secret proves the claimed phone when that dossier was registered with it. */
export async function confirmPhoneByReceipt(
  db: DbOrTx,
  followerId: number,
  input: { code: string; secret: string },
  now = new Date(),
): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const f = await lockedFollower(tx, followerId);
    if (!f?.phoneClaim84) return f?.phone84 ? { kind: "alreadyConfirmed", phone84: f.phone84 } : { kind: "noClaim" };
    const rate = await hitRateLimit(tx, `phone-receipt:${followerId}`, RECEIPT_PROOF_LIMIT, now);
    if (!rate.allowed) return { kind: "limited", minutes: Math.ceil(rate.retryAfterSeconds / 60) };
    const code = normaliseDossierCode(input.code);
    const [d] = await tx
      .select({ secret: dossiers.lookupSecret })
      .from(dossiers)
      .where(
        and(
          or(eq(dossiers.code, code), eq(dossiers.nationalCode, code)),
          or(eq(dossiers.submitterPhone84, f.phoneClaim84), eq(dossiers.ownerPhone84, f.phoneClaim84)),
        ),
      )
      .limit(1);
    if (!d || !sameText(d.secret, input.secret))
      return { kind: "wrong", left: Math.max(0, RECEIPT_PROOF_LIMIT.limit - rate.count) };
    return confirmClaim(tx, f, "receipt", now);
  });
}

/** Once a code can no longer be used, the outbox forgets it (staff screens list notifications with their params). */
export async function forgetExpiredCodes(db: DbOrTx, now = new Date()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ params: {} })
    .where(
      and(
        eq(notifications.eventType, "phone:otp"),
        lt(notifications.createdAt, new Date(now.getTime() - OTP_TTL_MS)),
        sql`${notifications.params} <> '{}'::jsonb`,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Demo followers are seeded as if they had proven their phone (the demo shows the owner's view at once). */
export const demoProof = () => ({ phoneConfirmedAt: new Date(), phoneConfirmedBy: "demo" as const });
