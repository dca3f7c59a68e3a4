import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { followerSync, zaloFollowers } from "@/db/schema";
import { type Ctx, can } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { log } from "@/lib/log";
import { takeLeftoverTokens } from "@/lib/notifications/leftover-tokens";
import { foldForSearch, nfc } from "@/lib/text";
import type { ZaloUserDetail } from "@/lib/zalo/client";
import { normalizeVnMobile } from "@/lib/phone";
import { dbOf, withTransaction } from "@/lib/services/context";

export interface FollowerSyncTransport {
  listFollowers(offset: number, count: number): Promise<{ total: number; users: { userId: string }[] }>;
  getUserDetail(userId: string): Promise<ZaloUserDetail>;
}

export async function getFollowerSync(db: DbOrTx) {
  const [row] = await db.select().from(followerSync).where(eq(followerSync.id, 1));
  if (row) return row;
  await db.insert(followerSync).values({ id: 1 }).onConflictDoNothing();
  return (await db.select().from(followerSync).where(eq(followerSync.id, 1)))[0];
}

/** Starts a full sync from the first page, or continues a stopped one from where it stopped. */
export async function startFollowerSync(ctx: Ctx, opts: { restart?: boolean } = {}): Promise<void> {
  if (!can(ctx, "announcements.write") && !can(ctx, "announcements.approve"))
    throw new ForbiddenError("announcements.write");
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    const current = await getFollowerSync(tx);
    if (current.status === "running") throw new ConflictError("announcements.errors.syncRunning");
    const fresh = opts.restart || current.status !== "failed";
    await tx
      .update(followerSync)
      .set({
        status: "running",
        ...(fresh ? { nextOffset: 0, processed: 0, failed: 0, total: null } : {}),
        startedAt: now,
        finishedAt: null,
        lastError: null,
        requestedBy: ctx.actor.label,
        updatedAt: now,
      })
      .where(eq(followerSync.id, 1));
    await writeAudit(tx, ctx, {
      action: "followers.sync",
      entityType: "follower_sync",
      entityId: 1,
      summary: fresh ? "Đồng bộ danh sách người quan tâm từ Zalo" : "Tiếp tục đồng bộ người quan tâm",
    });
  });
}

/**
 * One follower's profile from user/detail into its row (created if the follow event never reached us). A phone in
 * the profile's shared info is what the citizen typed into Zalo's form: like user_submit_info it is only a claim
 * until this account proves it (lib/followers/phone-proof.ts), and a withdrawn consent is not brought back.
 */
async function upsertFollowerDetail(db: DbOrTx, d: ZaloUserDetail, now = new Date()): Promise<void> {
  const name = d.displayName ? nfc(d.displayName) : null;
  const sharedPhone = d.sharedInfo?.phone ? normalizeVnMobile(d.sharedInfo.phone) : null;
  await db
    .insert(zaloFollowers)
    .values({
      oaUserId: d.userId,
      appUserId: d.userIdByApp,
      displayName: name,
      nameKey: name ? foldForSearch(name) : null,
      avatar: d.avatar || null,
      tags: d.tagNames,
      following: d.isFollower,
      followedAt: d.isFollower ? now : null,
      phoneClaim84: sharedPhone,
      sharedName: d.sharedInfo?.name ?? null,
      syncedAt: now,
    })
    .onConflictDoUpdate({
      target: zaloFollowers.oaUserId,
      set: {
        displayName: sql`coalesce(excluded.display_name, ${zaloFollowers.displayName})`,
        nameKey: sql`coalesce(excluded.name_key, ${zaloFollowers.nameKey})`,
        avatar: sql`coalesce(excluded.avatar, ${zaloFollowers.avatar})`,
        appUserId: sql`coalesce(${zaloFollowers.appUserId}, excluded.app_user_id)`,
        tags: sql`excluded.tags`,
        following: sql`excluded.following`,
        followedAt: sql`coalesce(${zaloFollowers.followedAt}, excluded.followed_at)`,
        phoneClaim84: sql`case
          when ${zaloFollowers.consentWithdrawnAt} is not null and ${zaloFollowers.consentAt} is null
            or ${zaloFollowers.phone84} = excluded.phone_claim84 then ${zaloFollowers.phoneClaim84}
          else coalesce(${zaloFollowers.phoneClaim84}, excluded.phone_claim84) end`,
        syncedAt: sql`excluded.synced_at`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * One page of the running sync: as many followers as the leftover rate limit allows (≤ 50, Zalo's page),
 * each completed with user/detail. The next offset is saved after the page, so a restart redoes at most one page.
 */
export async function syncFollowersStep(db: DbOrTx, zalo: FollowerSyncTransport): Promise<number> {
  const state = await getFollowerSync(db);
  if (state.status !== "running") return 0;
  const { granted } = await takeLeftoverTokens(db, 51);
  if (granted < 2) return 0;
  let page: { total: number; users: { userId: string }[] };
  try {
    page = await zalo.listFollowers(state.nextOffset, Math.min(50, granted - 1));
  } catch (err) {
    await db
      .update(followerSync)
      .set({ lastError: (err as Error).message, updatedAt: new Date() })
      .where(eq(followerSync.id, 1));
    return 0;
  }
  let failed = 0;
  for (const u of page.users) {
    try {
      await upsertFollowerDetail(db, await zalo.getUserDetail(u.userId));
    } catch (err) {
      failed++;
      log.warn({ err: (err as Error).message }, "follower detail failed during sync");
    }
  }
  const nextOffset = state.nextOffset + page.users.length;
  const finished = page.users.length === 0 || nextOffset >= page.total;
  await db
    .update(followerSync)
    .set({
      nextOffset,
      total: page.total,
      processed: state.processed + page.users.length,
      failed: state.failed + failed,
      status: finished ? "done" : "running",
      finishedAt: finished ? new Date() : null,
      lastError: null,
      updatedAt: new Date(),
    })
    .where(eq(followerSync.id, 1));
  return page.users.length || 1;
}

/**
 * The sync as the followers page words it. A page that Zalo refused leaves the sync running (the worker retries
 * it) with the reason kept in lastError, so a running sync can carry an error too.
 */
export type FollowerSyncView =
  | { kind: "never" }
  | { kind: "running"; processed: number; total: number | null; error: string | null }
  | { kind: "done"; finishedAt: Date | null; processed: number; failed: number }
  | { kind: "failed"; processed: number; total: number | null; error: string | null };

/** The sync's progress for the followers page. */
export async function followerSyncState(ctx: Ctx): Promise<FollowerSyncView> {
  if (!can(ctx, "announcements.read")) throw new ForbiddenError("announcements.read");
  const s = await getFollowerSync(dbOf(ctx));
  switch (s.status) {
    case "idle":
      return { kind: "never" };
    case "running":
      return { kind: "running", processed: s.processed, total: s.total, error: s.lastError };
    case "done":
      return { kind: "done", finishedAt: s.finishedAt, processed: s.processed, failed: s.failed };
    case "failed":
      return { kind: "failed", processed: s.processed, total: s.total, error: s.lastError };
  }
}
