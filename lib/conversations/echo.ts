import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { type MessageKind, conversationMessages, conversations } from "@/db/schema";
import type { Follower } from "@/lib/followers/record";
import { currentConversation, lockFollowerConversations, messageExists } from "./ingest";
import { owningUnitFor } from "./owner";
import { appendSearchText } from "./outbox";
import { dossiersOfPhone } from "./suggest";

export interface EchoMessage {
  msgId: string;
  kind: MessageKind;
  text: string | null;
  attachments: unknown;
  at: Date;
}

/**
 * oa_send_* echo: a reply typed in Zalo's OA manager (or the echo of the portal's own reply). Shown in the
 * follower's conversation once: the portal's own reply already holds the msg_id, or takes it over when
 * its send is recorded (markReplySent), so the two never both appear.
 */
export async function addEchoMessage(db: Db, follower: Follower, msg: EchoMessage): Promise<number | null> {
  return db.transaction(async (tx) => {
    await lockFollowerConversations(tx, follower.id);
    if (await messageExists(tx, msg.msgId)) return null;
    if (await adoptEchoedReply(tx, follower, msg)) return null;
    let { conversation: conv } = await currentConversation(tx, follower.id, msg.at);
    if (!conv) {
      const unitId = await owningUnitFor(
        tx,
        (await dossiersOfPhone(tx, follower.phone84)).map((d) => d.unitId),
      );
      [conv] = await tx
        .insert(conversations)
        .values({
          followerId: follower.id,
          unitId,
          status: "pending",
          subject: msg.text?.slice(0, 160) ?? "",
          lastMessageAt: msg.at,
          createdAt: msg.at,
        })
        .returning();
    }
    const [row] = await tx
      .insert(conversationMessages)
      .values({
        conversationId: conv.id,
        direction: "out",
        kind: msg.kind,
        source: "oa_manager",
        text: msg.text,
        attachments: msg.attachments ?? null,
        zaloMsgId: msg.msgId,
        status: "sent",
        sentAt: msg.at,
        at: msg.at,
      })
      .returning({ id: conversationMessages.id });
    await tx
      .update(conversations)
      .set({
        status: conv.status === "resolved" ? "resolved" : "pending",
        waitingSince: null,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${msg.at.toISOString()}::timestamptz)`,
        searchText: appendSearchText(msg.text),
        updatedAt: new Date(),
      })
      .where(eq(conversations.id, conv.id));
    return row.id;
  });
}

const m = conversationMessages;

/**
 * The echo of a portal reply whose send went unrecorded (the worker died, or Zalo's answer was lost after it
 * accepted the message) is Zalo's word that it was sent: the reply takes the msg_id and is never sent again.
 */
async function adoptEchoedReply(tx: DbOrTx, follower: Follower, msg: EchoMessage): Promise<boolean> {
  if (!msg.text) return false;
  const [reply] = await tx
    .select({ id: m.id })
    .from(m)
    .where(
      and(
        inArray(m.status, ["queued", "sending", "failed_temporary"]),
        gt(m.attempts, 0),
        isNull(m.zaloMsgId),
        inArray(m.channel, ["cs", "cs_paid"]),
        eq(m.recipient, follower.oaUserId),
        eq(m.text, msg.text.normalize("NFC")),
      ),
    )
    .orderBy(asc(m.id))
    .limit(1)
    .for("update");
  if (!reply) return false;
  await tx
    .update(m)
    .set({
      status: "sent",
      zaloMsgId: msg.msgId,
      sentAt: msg.at,
      claimedBy: null,
      lastError: null,
      lastErrorCode: null,
    })
    .where(eq(m.id, reply.id));
  return true;
}
