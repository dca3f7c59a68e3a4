import type { DbOrTx } from "@/db/client";
import { type ZaloTemplateSend, type ZaloTemplateSent, zaloClient } from "@/lib/zalo/client";
import { accessTokenCache } from "@/lib/zalo/tokens";

/** The two Zalo calls the sender makes; tests pass a fake, production the Zalo client. */
export interface NotificationTransport {
  sendTemplateByPhone(input: ZaloTemplateSend): Promise<ZaloTemplateSent>;
  sendConsultationText(userId: string, text: string): Promise<{ messageId: string }>;
}

/** NOTIFICATIONS_SEND_TIMEOUT_MS shortens the wait for a hanging Zalo call (reliability tests, benchmarks). */
const tokenCache = accessTokenCache();

export function zaloTransport(db: DbOrTx): NotificationTransport {
  const timeoutMs = Number(process.env.NOTIFICATIONS_SEND_TIMEOUT_MS) || undefined;
  return zaloClient(db, { timeoutMs, tokenCache });
}
