import { log } from "@/lib/log";
import type { HandlerDeps } from "./types";

/** Sends a consultation text to the user who wrote (free within the 48 h window their message opened). */
export async function replyText(deps: HandlerDeps, userId: string, text: string, reason: string): Promise<string> {
  const { messageId } = await deps.zalo.sendConsultationText(userId, text);
  log.info({ reason, messageId }, "zalo chat reply sent");
  return messageId;
}
