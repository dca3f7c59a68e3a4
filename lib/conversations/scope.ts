import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Conversation, conversations, zaloFollowers } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import type { Follower } from "@/lib/followers/record";

const NOT_FOUND = "errors.notFound.conversation";

/**
 * The conversation locked for update with its follower, if it belongs to the caller's scope; otherwise it "does not
 * exist".
 */
export async function lockConversationInScope(
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
): Promise<{ conversation: Conversation; follower: Follower }> {
  const [row] = await tx
    .select({ conversation: conversations, follower: zaloFollowers })
    .from(conversations)
    .innerJoin(zaloFollowers, eq(zaloFollowers.id, conversations.followerId))
    .where(and(eq(conversations.id, id), inUnitScope(ctx, conversations.unitId)))
    .for("update", { of: conversations });
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}
