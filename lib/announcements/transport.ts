import type { DbOrTx } from "@/db/client";
import { type ZaloArticle, type ZaloBroadcastTarget, zaloClient } from "@/lib/zalo/client";
import { accessTokenCache } from "@/lib/zalo/tokens";

/** The Zalo calls an announcement send makes; tests pass a fake, production the Zalo client. */
export interface AnnouncementTransport {
  sendConsultationText(userId: string, text: string): Promise<{ messageId: string }>;
  sendTemplateByUserId(input: {
    userId: string;
    templateId: string;
    templateData: Record<string, string>;
  }): Promise<{ msgId: string }>;
  getConversation(userId: string): Promise<{ messageId: string; fromOa: boolean; text: string }[]>;
  createArticle(article: ZaloArticle): Promise<{ token: string }>;
  verifyArticle(token: string): Promise<{ articleId: string | null }>;
  broadcast(articleId: string, target?: ZaloBroadcastTarget): Promise<{ messageId: string }>;
}

const tokenCache = accessTokenCache();

export function zaloAnnouncementTransport(db: DbOrTx): AnnouncementTransport {
  const timeoutMs = Number(process.env.NOTIFICATIONS_SEND_TIMEOUT_MS) || undefined;
  return zaloClient(db, { timeoutMs, tokenCache });
}
