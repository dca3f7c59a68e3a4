import type { DbOrTx } from "@/db/client";
import { type ZaloCsMessage, type ZaloTemplateSend, type ZaloTemplateSent, zaloClient } from "@/lib/zalo/client";
import { accessTokenCache } from "@/lib/zalo/tokens";

/** The two Zalo calls the sender makes; tests pass a fake, production the Zalo client. */
export interface NotificationTransport {
  /**
   * Gets ready to call at once (the access token in hand), so that rate-limit tokens are not held through a refresh.
   */
  prepare?(): Promise<void>;
  sendTemplateByPhone(input: ZaloTemplateSend): Promise<ZaloTemplateSent>;
  sendConsultationText(userId: string, text: string): Promise<{ messageId: string }>;
  /** A consultation message with an attachment (buttons, request_user_info). */
  sendConsultationMessage?(userId: string, message: ZaloCsMessage): Promise<{ messageId: string }>;
  /** The latest messages with one user (newest first): shows whether a consultation whose answer was lost went out. */
  getConversation?(userId: string): Promise<{ messageId: string; fromOa: boolean; text: string }[]>;
}

const tokenCache = accessTokenCache();

/** NOTIFICATIONS_SEND_TIMEOUT_MS shortens the wait for a hanging Zalo call (reliability tests, benchmarks). */
export function zaloTransport(db: DbOrTx): NotificationTransport {
  const timeoutMs = Number(process.env.NOTIFICATIONS_SEND_TIMEOUT_MS) || undefined;
  return {
    ...zaloClient(db, { timeoutMs, tokenCache }),
    async prepare() {
      // A failure here is the send's to report: it will meet the same token error with its own row.
      await tokenCache.get(db).catch(() => undefined);
    },
  };
}
