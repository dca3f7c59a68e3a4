import type { DbOrTx } from "@/db/client";
import { withdrawZaloByPhone, withdrawnReason } from "@/lib/dossiers/zalo-withdraw";
import { stopConsultationsTo } from "@/lib/followers/consent";
import {
  type ConfirmResult,
  type SendCodeResult,
  confirmPhoneByCode,
  confirmPhoneByReceipt,
  sendPhoneCode,
} from "@/lib/followers/phone-proof";
import type { Follower } from "@/lib/followers/record";
import { translatorFor } from "@/lib/i18n/translate";
import { writeAudit } from "@/lib/audit/write";
import { systemCtx } from "@/lib/auth/actor";
import { displayVnPhone } from "@/lib/phone";
import { foldForSearch } from "@/lib/text";

const t = translatorFor("vi");

/** Withdrawal keywords (documented in the README): "HUY THONG BAO", "DỪNG THÔNG BÁO", with or without diacritics. */
const WITHDRAW_WORDS = new Set(["huy thong bao", "dung thong bao", "huy nhan thong bao"]);
/** A bare "dung" may be "đúng" (yes): only "DỪNG" or the upper-case "DUNG" of the keyword stops notifications. */
const isBareStop = (text: string) => text === "DUNG" || text.toLocaleLowerCase("vi") === "dừng";
const RESEND_WORDS = new Set(["gui lai ma", "gui lai ma xac nhan"]);
const OTP = /^(?:xn\s*)?(\d{6})$/;
const RECEIPT = /^xn\s+(\S+)\s+([A-Za-z0-9_-]{4,64})$/i;
const RECEIPT_URL = /\/tra-cuu\/([^?\s]+)\?t=([A-Za-z0-9_-]{8,64})/;

/** Whether the text could be one of the commands below, whatever the follower's state (the batch path asks). */
export function mayBePrivacyCommand(text: string): boolean {
  const trimmed = text.trim();
  const folded = foldForSearch(trimmed);
  return (
    WITHDRAW_WORDS.has(folded) ||
    isBareStop(trimmed) ||
    RESEND_WORDS.has(folded) ||
    OTP.test(folded) ||
    RECEIPT.test(trimmed) ||
    RECEIPT_URL.test(trimmed)
  );
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function codeSentText(r: SendCodeResult, phone84: string): string {
  switch (r.kind) {
    case "sent":
      return t("privacy.chat.codeSent", { phone: displayVnPhone(phone84), minutes: r.ttlMinutes });
    case "wait":
      return t("privacy.chat.resendWait", { seconds: r.seconds });
    case "dailyLimit":
      return t("privacy.chat.dailyLimit");
    case "noClaim":
      return t("privacy.chat.noClaim");
  }
}

function confirmText(r: ConfirmResult, receipt: boolean): string {
  switch (r.kind) {
    case "confirmed":
      return t("privacy.chat.confirmed", { phone: displayVnPhone(r.phone84) });
    case "alreadyConfirmed":
      return t("privacy.chat.alreadyConfirmed", { phone: displayVnPhone(r.phone84) });
    case "wrong":
      return t(receipt ? "privacy.chat.receiptMismatch" : "privacy.chat.wrongCode", { left: r.left });
    case "locked":
      return t("privacy.chat.locked");
    case "expired":
      return t("privacy.chat.expired");
    case "limited":
      return t("privacy.chat.receiptLimited", { minutes: r.minutes });
    case "noClaim":
      return t("privacy.chat.noClaim");
  }
}

/** "HUY THONG BAO": no more Zalo messages for the proven phone's dossiers, nor consultation texts to this account. */
async function withdraw(db: DbOrTx, follower: Follower, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const stoppedChat = await stopConsultationsTo(tx, follower.oaUserId, withdrawnReason);
    const count = follower.phone84 ? await withdrawZaloByPhone(tx, follower.phone84, "chat", now) : 0;
    await writeAudit(tx, systemCtx(), {
      action: "zalo.follower.notifications_withdrawn",
      entityType: "zalo_follower",
      entityId: follower.id,
      summary: "Người dân gửi từ khóa ngừng nhận thông báo Zalo",
      changes: { dossiers: count, waitingMessagesStopped: stoppedChat, phoneConfirmed: !!follower.phone84 },
    });
    return follower.phone84 ? t("privacy.chat.withdrawn", { count }) : t("privacy.chat.withdrawNoPhone");
  });
}

/**
 * The chat's personal-data commands: the one-time code, the receipt secret, a new code, and withdrawal.
 * Null when the text is none of them (the usual look-up and inbox handling follows).
 */
export async function answerPrivacyText(
  db: DbOrTx,
  follower: Follower,
  text: string,
  now = new Date(),
): Promise<string | null> {
  const trimmed = text.trim();
  const folded = foldForSearch(trimmed);
  if (WITHDRAW_WORDS.has(folded) || isBareStop(trimmed)) return withdraw(db, follower, now);
  if (RESEND_WORDS.has(folded)) {
    if (!follower.phoneClaim84) return t("privacy.chat.noClaim");
    return codeSentText(await sendPhoneCode(db, follower.id, now), follower.phoneClaim84);
  }
  const otp = OTP.exec(folded);
  if (otp && (follower.phoneClaim84 || folded.startsWith("xn")))
    return confirmText(await confirmPhoneByCode(db, follower.id, otp[1], now), false);
  const receipt = RECEIPT.exec(trimmed) ?? (follower.phoneClaim84 ? RECEIPT_URL.exec(trimmed) : null);
  if (receipt) {
    const input = { code: safeDecode(receipt[1]), secret: receipt[2] };
    return confirmText(await confirmPhoneByReceipt(db, follower.id, input, now), true);
  }
  return null;
}
