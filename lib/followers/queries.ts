import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { zaloFollowers } from "@/db/schema";
import type { Follower } from "./record";

export async function findFollowerByOaUserId(db: DbOrTx, oaUserId: string): Promise<Follower | null> {
  const [row] = await db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, oaUserId)).limit(1);
  return row ?? null;
}

/**
 * Zalo accounts linked (by user_submit_info) to a mobile number "84…" and still following the OA, most
 * recently interacting first: where the OA-side notifications of that phone's dossiers go.
 */
export async function findFollowersByPhone(db: DbOrTx, phone84: string): Promise<Follower[]> {
  return db
    .select()
    .from(zaloFollowers)
    .where(and(eq(zaloFollowers.phone84, phone84), eq(zaloFollowers.following, true)))
    .orderBy(desc(zaloFollowers.lastInteractionAt));
}
