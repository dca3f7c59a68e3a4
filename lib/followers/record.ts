import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type zaloFollowers as Followers, zaloFollowers } from "@/db/schema";
import { vi } from "@/lib/i18n/messages/vi";
import { foldForSearch } from "@/lib/text";

export type Follower = typeof Followers.$inferSelect;

const latest = (column: typeof zaloFollowers.lastInteractionAt, at: Date) =>
  sql`greatest(${column}, ${at.toISOString()}::timestamptz)`;

/**
 * The follower row of a Zalo user who interacted at `at` (created if unknown, not marked as following),
 * with the 48 h consultation window moved forward unless `interaction` is false (an unfollow).
 */
export async function touchFollower(
  db: DbOrTx,
  oaUserId: string,
  at: Date,
  appUserId?: string | null,
  interaction = true,
): Promise<Follower> {
  const [row] = await db
    .insert(zaloFollowers)
    .values({ oaUserId, appUserId: appUserId ?? null, lastInteractionAt: interaction ? at : null })
    .onConflictDoUpdate({
      target: zaloFollowers.oaUserId,
      set: {
        lastInteractionAt: interaction
          ? latest(zaloFollowers.lastInteractionAt, at)
          : sql`${zaloFollowers.lastInteractionAt}`,
        appUserId: sql`coalesce(${zaloFollowers.appUserId}, excluded.app_user_id)`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row;
}

/**
 * touchFollower for many users at once (one statement), each at its latest interaction; returned by Zalo user id.
 * Rows are written in user id order, so two workers touching overlapping sets cannot deadlock.
 */
export async function touchFollowers(
  db: DbOrTx,
  touches: { oaUserId: string; at: Date; appUserId: string | null }[],
): Promise<Map<string, Follower>> {
  const latestOf = new Map<string, { oaUserId: string; at: Date; appUserId: string | null }>();
  for (const t of touches) {
    const seen = latestOf.get(t.oaUserId);
    if (!seen || t.at > seen.at) latestOf.set(t.oaUserId, { ...t, appUserId: t.appUserId ?? seen?.appUserId ?? null });
  }
  if (!latestOf.size) return new Map();
  const rows = await db
    .insert(zaloFollowers)
    .values(
      [...latestOf.values()]
        .sort((a, b) => (a.oaUserId < b.oaUserId ? -1 : 1))
        .map((t) => ({ oaUserId: t.oaUserId, appUserId: t.appUserId, lastInteractionAt: t.at })),
    )
    .onConflictDoUpdate({
      target: zaloFollowers.oaUserId,
      set: {
        lastInteractionAt: sql`greatest(${zaloFollowers.lastInteractionAt}, excluded.last_interaction_at)`,
        appUserId: sql`coalesce(${zaloFollowers.appUserId}, excluded.app_user_id)`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return new Map(rows.map((r) => [r.oaUserId, r]));
}

/**
 * follow / unfollow at `at`. Zalo may deliver them out of order, so an older event never overrides a newer
 * state change. Returns the row and whether this event changed the state (a redelivered follow does not).
 */
export async function recordFollowState(
  db: DbOrTx,
  input: { oaUserId: string; appUserId: string | null; following: boolean; at: Date },
) {
  const current = await touchFollower(db, input.oaUserId, input.at, input.appUserId, input.following);
  const lastChange = Math.max(current.followedAt?.getTime() ?? 0, current.unfollowedAt?.getTime() ?? 0);
  if (input.at.getTime() <= lastChange) return { follower: current, changed: false };
  const [row] = await db
    .update(zaloFollowers)
    .set(
      input.following
        ? { following: true, followedAt: input.at, updatedAt: new Date() }
        : { following: false, unfollowedAt: input.at, updatedAt: new Date() },
    )
    .where(eq(zaloFollowers.id, current.id))
    .returning();
  return { follower: row, changed: current.following !== input.following };
}

export async function setFollowerDisplayName(db: DbOrTx, id: number, displayName: string): Promise<void> {
  await db
    .update(zaloFollowers)
    .set({ displayName, nameKey: foldForSearch(displayName), updatedAt: new Date() })
    .where(eq(zaloFollowers.id, id));
}

/**
 * user_submit_info: the name and address the citizen agreed to share, with the consent's time, text and version.
 * The phone is only a claim until this account proves it owns it (lib/followers/phone-proof.ts); sharing the phone
 * already proven keeps it proven.
 */
export async function linkFollowerInfo(
  db: DbOrTx,
  id: number,
  info: { phone84: string; name: string | null; address: string | null; consentAt: Date },
): Promise<Follower> {
  const [row] = await db
    .update(zaloFollowers)
    .set({
      phoneClaim84: sql`case when ${zaloFollowers.phone84} = ${info.phone84} then null else ${info.phone84} end`,
      sharedName: info.name,
      sharedAddress: info.address,
      consentAt: info.consentAt,
      consentVersion: vi.privacy.consent.zaloVersion,
      consentText: vi.privacy.consent.zaloShare,
      updatedAt: new Date(),
    })
    .where(eq(zaloFollowers.id, id))
    .returning();
  return row;
}
