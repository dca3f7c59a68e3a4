import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { conversationMessages } from "@/db/schema";
import { allowedFrom } from "@/lib/notifications/status";

const statusList = (to: "delivered" | "seen") =>
  sql.join(
    allowedFrom[to].map((s) => sql`${s}`),
    sql`, `,
  );

/** user_received_message / user_seen_message for replies: delivery state moves forward only (as notifications). */
export async function applyReplyDeliveryStatus(
  db: DbOrTx,
  msgIds: (string | null)[],
  kind: "received" | "seen",
  at: Date,
): Promise<number> {
  const ids = msgIds.filter((id): id is string => !!id);
  if (!ids.length) return 0;
  const where = and(inArray(conversationMessages.zaloMsgId, ids), isNotNull(conversationMessages.status));
  const rows =
    kind === "seen"
      ? await db
          .update(conversationMessages)
          .set({
            status: "seen",
            seenAt: at,
            deliveredAt: sql`coalesce(${conversationMessages.deliveredAt}, ${at.toISOString()}::timestamptz)`,
          })
          .where(and(where, sql`${conversationMessages.status} in (${statusList("seen")})`))
          .returning({ id: conversationMessages.id })
      : await db
          .update(conversationMessages)
          .set({ status: "delivered", deliveredAt: at })
          .where(and(where, sql`${conversationMessages.status} in (${statusList("delivered")})`))
          .returning({ id: conversationMessages.id });
  return rows.length;
}
