import type { DbOrTx } from "@/db/client";
import { type ZaloTemplateSend, type ZaloTemplateSent, zaloClient } from "@/lib/zalo/client";

/** The two Zalo calls the sender makes; tests pass a fake, production the Zalo client. */
export interface NotificationTransport {
  sendTemplateByPhone(input: ZaloTemplateSend): Promise<ZaloTemplateSent>;
  sendConsultationText(userId: string, text: string): Promise<{ messageId: string }>;
}

export function zaloTransport(db: DbOrTx): NotificationTransport {
  return zaloClient(db);
}
