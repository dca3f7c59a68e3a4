import { and, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { chatFlowSessions } from "@/db/schema";
import { queueChatReplies } from "./outbox";
import { loadBotTexts } from "./texts";

/**
 * Ends sessions idle past their expiry and tells each citizen so. One UPDATE claims them: a session an input is
 * holding (row lock) is re-checked after that input commits, so a citizen who just answered is not timed out.
 */
export async function expireIdleSessions(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(chatFlowSessions)
      .set({ status: "expired", endedAt: now, updatedAt: now })
      .where(and(eq(chatFlowSessions.status, "active"), lte(chatFlowSessions.expiresAt, now)))
      .returning({ oaUserId: chatFlowSessions.oaUserId, flow: chatFlowSessions.flow });
    if (!ended.length) return 0;
    const texts = await loadBotTexts(tx);
    for (const s of ended)
      await queueChatReplies(tx, { oaUserId: s.oaUserId, flow: s.flow, replies: [{ text: texts.t("timedOut") }] });
    return ended.length;
  });
}
