import { and, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Announcement, announcementRecipients, announcements } from "@/db/schema";
import { log } from "@/lib/log";
import { ZaloApiError, zaloErrorReasonVi } from "@/lib/zalo/errors";
import { takeLeftoverTokens } from "@/lib/notifications/leftover-tokens";
import { zaloArticleOf } from "./content";
import { writePlan } from "./plan";
import { getAnnouncementSettings } from "./settings";
import { inQuietHours } from "./time";
import type { AnnouncementTransport } from "./transport";
import { moveAnnouncement } from "./workflow";
import { vi } from "@/lib/i18n/messages/vi";

/**
 * Approved announcements whose time has come: the recipients are planned (caps, windows, night) in the same
 * transaction that moves the announcement to "sending", so a crash leaves either both or neither.
 * A resumed send keeps its rows and only continues.
 */
export async function startDueAnnouncements(db: DbOrTx, now = new Date()): Promise<number> {
  const s = await getAnnouncementSettings(db);
  let started = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [a] = await tx
        .select()
        .from(announcements)
        .where(and(eq(announcements.status, "approved"), lte(announcements.scheduledAt, now)))
        .orderBy(announcements.scheduledAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!a) return false;
      const [existing] = await tx
        .select({ id: announcementRecipients.id })
        .from(announcementRecipients)
        .where(eq(announcementRecipients.announcementId, a.id))
        .limit(1);
      const plan = existing ? a.plan : await writePlan(tx, a, s, now);
      await moveAnnouncement(tx, a.id, "sending", {
        plan,
        sendStartedAt: a.sendStartedAt ?? now,
        publishedAt: a.publishedAt ?? now,
        lastError: null,
      });
      log.info({ announcement: a.id, willSend: plan?.willSend }, "announcement sending started");
      return true;
    });
    if (!done) return started;
    started++;
  }
}

const LEASE_MS = 120_000;

/** Takes the announcement for one worker for a while (the broadcast steps are not safe to run twice at once). */
async function leaseBroadcast(db: DbOrTx, workerId: string): Promise<Announcement | null> {
  const [a] = await db
    .update(announcements)
    .set({ claimedBy: workerId, claimedAt: sql`now()` })
    .where(
      sql`${announcements.id} = (select id from announcements where status = 'sending' and audience->>'kind' = 'all'
        and (claimed_by is null or claimed_at < now() - ${`${LEASE_MS} milliseconds`}::interval) order by id limit 1
          for update skip locked)`,
    )
    .returning();
  return a ?? null;
}

const unlease = (db: DbOrTx, id: number, patch: Partial<typeof announcements.$inferInsert> = {}) =>
  db
    .update(announcements)
    .set({ ...patch, claimedBy: null, updatedAt: sql`now()` })
    .where(eq(announcements.id, id));

export const UNCERTAIN_BROADCAST = vi.announcements.errors.uncertainBroadcast;

/**
 * All-followers sends: create the Zalo article, wait for its id, then one broadcast. The broadcast call is
 * marked before it is made; finding that mark without an answer means a crash mid-call, and the send is
 * paused for a person rather than broadcast twice.
 */
export async function advanceBroadcasts(
  db: DbOrTx,
  workerId: string,
  transport: AnnouncementTransport,
  now = new Date(),
): Promise<number> {
  const s = await getAnnouncementSettings(db);
  if (inQuietHours(now, s)) return 0;
  const a = await leaseBroadcast(db, workerId);
  if (!a) return 0;
  if ((await takeLeftoverTokens(db, 1)).granted === 0) {
    await unlease(db, a.id);
    return 0;
  }
  try {
    if (a.broadcastStartedAt && !a.broadcastMsgId) {
      await moveAnnouncement(db, a.id, "paused", { lastError: UNCERTAIN_BROADCAST, claimedBy: null });
      return 1;
    }
    if (!a.zaloArticleToken) {
      const { token } = await transport.createArticle(zaloArticleOf(a));
      await unlease(db, a.id, { zaloArticleToken: token });
      return 1;
    }
    if (!a.zaloArticleId) {
      const { articleId } = await transport.verifyArticle(a.zaloArticleToken);
      await unlease(db, a.id, articleId ? { zaloArticleId: articleId } : {});
      return 1;
    }
    await db
      .update(announcements)
      .set({ broadcastStartedAt: sql`now()` })
      .where(eq(announcements.id, a.id));
    const target = a.audience.kind === "all" ? (a.audience.target ?? {}) : {};
    let messageId: string;
    try {
      ({ messageId } = await transport.broadcast(a.zaloArticleId, target));
    } catch (err) {
      // A clear refusal (a Zalo error code) means nothing went out: the mark is cleared so it may be tried again.
      if (err instanceof ZaloApiError && err.code !== null)
        await db.update(announcements).set({ broadcastStartedAt: null }).where(eq(announcements.id, a.id));
      throw err;
    }
    await db.transaction(async (tx) => {
      await tx
        .update(announcementRecipients)
        .set({ status: "sent", channel: "broadcast", zaloMsgId: messageId, sentAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(announcementRecipients.announcementId, a.id), eq(announcementRecipients.status, "queued")));
      await moveAnnouncement(tx, a.id, "sent", {
        broadcastMsgId: messageId || vi.announcements.zalo.noMessageId,
        finishedAt: new Date(),
        claimedBy: null,
      });
    });
    return 1;
  } catch (err) {
    const e = err instanceof ZaloApiError ? err : null;
    const reason =
      e && (e.code !== null || e.kind === "retryable") ? zaloErrorReasonVi(e.code) : (err as Error).message;
    log.warn({ announcement: a.id, code: e?.code, kind: e?.kind }, "announcement broadcast step failed");
    if (e && e.kind === "permanent") await moveAnnouncement(db, a.id, "paused", { lastError: reason, claimedBy: null });
    else await unlease(db, a.id, { lastError: reason });
    return 1;
  }
}
