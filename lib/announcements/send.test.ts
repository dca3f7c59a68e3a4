import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DbHandle, executedRows } from "@/db/client";
import { announcementRecipients, announcements, dossierEvents, notificationSettings, notifications } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { takeSendTokens } from "@/lib/notifications/rate-limit";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { insertTestDossier, insertTestEvent } from "@/lib/notifications/testing";
import { seedTestOrg } from "@/lib/testing";
import { takeLeftoverTokens } from "@/lib/notifications/leftover-tokens";
import { previewPlan, writePlan } from "./plan";
import { createAnnouncement } from "./save-draft";
import { finishCompletedSends, recoverStuckRecipients, sendAnnouncementBatch } from "./send";
import { updateAnnouncementSettings, getAnnouncementSettings } from "./settings";
import { advanceBroadcasts, startDueAnnouncements, UNCERTAIN_BROADCAST } from "./start";
import { clearFollowers, fakeAnnouncementZalo, insertTestFollowers } from "./testing";
import { approveAnnouncement, cancelAnnouncement, submitAnnouncement } from "./workflow";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const signal = new AbortController().signal;

// 10:00 and 23:00 in Vietnam on 10/12/2026.
const DAY = new Date("2026-12-10T03:00:00Z");
const NIGHT = new Date("2026-12-10T16:00:00Z");

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await updateNotificationSettings(h.db, { rateLimitEnabled: false });
});
afterAll(() => h.close());
beforeEach(async () => {
  await clearFollowers(h.db);
  await updateAnnouncementSettings(h.db, {
    monthlyCap: 4,
    dailyCap: 1,
    beyondWindow: "skip",
    zbsTemplateId: null,
    quietStartHour: 22,
    quietEndHour: 6,
  });
});

async function newAnnouncement(audience: unknown, extra: Record<string, unknown> = {}) {
  const a = await createAnnouncement(org.publisher, {
    title: "Lịch tiếp công dân tháng 12",
    summary: "Lãnh đạo UBND tỉnh tiếp công dân ngày 15/12.",
    body: [{ type: "text", content: "Địa điểm: Trụ sở Ban tiếp công dân tỉnh." }],
    audience,
    ...extra,
  });
  await submitAnnouncement(org.publisher, { id: a.id });
  return a;
}

/** Earlier announcements this follower received (sent rows), `hoursAgo` each. */
async function history(followerId: number, hoursAgo: number[], now: Date) {
  const old = await createAnnouncement(org.publisher, { title: "Tin cũ", body: [] });
  let i = 0;
  for (const hAgo of hoursAgo) {
    const [o] = i++ === 0 ? [old] : [await createAnnouncement(org.publisher, { title: `Tin cũ ${i}`, body: [] })];
    await h.db.insert(announcementRecipients).values({
      announcementId: o.id,
      followerId,
      oaUserId: "x",
      status: "sent",
      sentAt: new Date(now.getTime() - hAgo * 3600_000),
    });
  }
}

describe("planning: caps, windows and the night", () => {
  it("skips exactly the followers over a cap or outside the window, by reason", async () => {
    const ids = await insertTestFollowers(
      h.db,
      [
        { key: "fresh", hoursAgo: 1, tags: ["doanh-nghiep"] },
        { key: "month", hoursAgo: 1, tags: ["doanh-nghiep"] },
        { key: "today", hoursAgo: 2, tags: ["doanh-nghiep"] },
        { key: "yesterday", hoursAgo: 3, tags: ["doanh-nghiep"] },
        { key: "old", hoursAgo: 49, tags: ["doanh-nghiep"] },
        { key: "never", hoursAgo: null, tags: ["doanh-nghiep"] },
        { key: "other-tag", hoursAgo: 1, tags: ["nong-dan"] },
        { key: "gone", hoursAgo: 1, tags: ["doanh-nghiep"], following: false },
      ],
      DAY,
    );
    // Four this month (one of them 2 days ago) → monthly cap; one 3 h ago (today, VN) → daily cap; one 13 h ago =
    // yesterday 21:00.
    await history(ids.get("month")!, [48, 100, 150, 200], DAY);
    await history(ids.get("today")!, [3], DAY);
    await history(ids.get("yesterday")!, [13], DAY);
    const a = await newAnnouncement({ kind: "segment", tags: ["doanh-nghiep"] });
    const s = await getAnnouncementSettings(h.db);
    const preview = await previewPlan(h.db, a, s, DAY);
    expect(preview).toMatchObject({
      audience: 6,
      willSend: 2,
      byChannel: { cs: 2 },
      skipped: { cap_month: 1, cap_day: 1, window: 2 },
    });
    const written = await writePlan(h.db, a, s, DAY);
    expect(written).toMatchObject({ audience: 6, willSend: 2, skipped: preview.skipped });
    const rows = await h.db
      .select()
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, a.id));
    const byUser = Object.fromEntries(rows.map((r) => [r.oaUserId, r.status === "skipped" ? r.skipReason : r.channel]));
    expect(byUser).toEqual({
      "u-fresh": "cs",
      "u-yesterday": "cs",
      "u-month": "cap_month",
      "u-today": "cap_day",
      "u-old": "window",
      "u-never": "window",
    });
    expect(await writePlan(h.db, a, s, DAY)).toMatchObject({ audience: 6 });
  });

  it("at night, sending waits for 06:00 and a window closing before then is skipped for the quiet hours", async () => {
    await insertTestFollowers(
      h.db,
      [
        { key: "a", hoursAgo: 1 },
        { key: "b", hoursAgo: 40 },
        { key: "c", hoursAgo: 44 },
        { key: "d", hoursAgo: 50 },
      ],
      NIGHT,
    );
    const a = await newAnnouncement({ kind: "segment" });
    const plan = await previewPlan(h.db, a, await getAnnouncementSettings(h.db), NIGHT);
    expect(plan.startAt).toBe("2026-12-10T23:00:00.000Z");
    expect(plan).toMatchObject({ willSend: 2, skipped: { quiet_hours: 1, window: 1 } });
  });

  it("with the ZBS setting, followers beyond the window get the template instead of being skipped", async () => {
    await insertTestFollowers(
      h.db,
      [
        { key: "a", hoursAgo: 1 },
        { key: "d", hoursAgo: 50 },
      ],
      DAY,
    );
    await updateAnnouncementSettings(h.db, { beyondWindow: "zbs" });
    const a = await newAnnouncement({ kind: "segment" });
    expect(await previewPlan(h.db, a, await getAnnouncementSettings(h.db), DAY)).toMatchObject({
      willSend: 2,
      byChannel: { cs: 1, zbs: 1 },
      skipped: {},
    });
  });

  it("the all-followers audience counts the caps too (Zalo would not deliver past them)", async () => {
    const ids = await insertTestFollowers(h.db, [{ key: "a" }, { key: "b" }, { key: "c", hoursAgo: 500 }], DAY);
    await history(ids.get("b")!, [2], DAY);
    const a = await newAnnouncement({ kind: "all" });
    expect(await previewPlan(h.db, a, await getAnnouncementSettings(h.db), DAY)).toMatchObject({
      willSend: 2,
      byChannel: { broadcast: 2 },
      skipped: { cap_day: 1 },
    });
  });
});

async function approveAndStart(a: { id: number }) {
  await approveAnnouncement(org.supervisor, { id: a.id });
  await startDueAnnouncements(h.db);
}

describe("sending", () => {
  // The worker reads the real clock; the night rule is covered where a time is passed in.
  beforeEach(() => updateAnnouncementSettings(h.db, { quietStartHour: 0, quietEndHour: 0 }));
  it("sends each planned follower once, skips those Zalo says are outside the window, finishes", async () => {
    await insertTestFollowers(h.db, [
      { key: "a", hoursAgo: 1 },
      { key: "b", hoursAgo: 2 },
      { key: "c", hoursAgo: 3 },
    ]);
    const zalo = fakeAnnouncementZalo({ failWith: (u) => (u === "u-c" ? -230 : null) });
    const a = await newAnnouncement({ kind: "segment" });
    await approveAndStart(a);
    expect((await h.db.select().from(announcements).where(eq(announcements.id, a.id)))[0].status).toBe("sending");
    while ((await sendAnnouncementBatch(h.db, "w1", signal, { transport: zalo.transport })) > 0);
    await finishCompletedSends(h.db);
    expect([...zalo.perUser().entries()].sort()).toEqual([
      ["u-a", 1],
      ["u-b", 1],
    ]);
    expect(zalo.messages[0].text).toContain(`/tin-tuc/${a.slug}?r=`);
    const rows = await h.db
      .select()
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, a.id));
    expect(rows.map((r) => [r.oaUserId, r.status, r.skipReason]).sort()).toEqual([
      ["u-a", "sent", null],
      ["u-b", "sent", null],
      ["u-c", "skipped", "window"],
    ]);
    expect((await h.db.select().from(announcements).where(eq(announcements.id, a.id)))[0].status).toBe("sent");
  });

  it(
    "dossier notifications go first: while one waits, announcements " + "get only what is above half the bucket",
    async () => {
      // 1,000/min: a bucket of 2 tokens. Filled to the brim, it cannot refill further while the test runs.
      await updateNotificationSettings(h.db, { rateLimitEnabled: true, ratePerMinute: 1000 });
      const fill = () =>
        h.db
          .update(notificationSettings)
          .set({ bucketTokens: 2, bucketRemainderMilli: 0, bucketRefilledAt: new Date() });
      try {
        const d = await insertTestDossier(h.db, org.unitIds.center);
        // A status change not yet routed to a notification already has priority.
        await insertTestEvent(h.db, d, "received");
        await fill();
        expect((await takeLeftoverTokens(h.db, 10)).granted).toBe(1);
        expect((await takeSendTokens(h.db, 10)).granted).toBe(1);
        await h.db.update(dossierEvents).set({ dispatchedAt: new Date() });
        const [n] = await h.db
          .insert(notifications)
          .values({
            dossierId: d.id,
            unitId: d.unitId,
            eventId: 1,
            eventType: "received",
            channel: "zbs",
            recipient: "84912345678",
          })
          .returning();
        await fill();
        expect((await takeLeftoverTokens(h.db, 10)).granted).toBe(1);
        // Claimed by a sender that may still be waiting for its tokens.
        await h.db.update(notifications).set({ status: "sending" }).where(eq(notifications.id, n.id));
        await fill();
        const held = await takeLeftoverTokens(h.db, 10);
        expect(held.granted).toBe(1);
        expect(await takeLeftoverTokens(h.db, 10)).toEqual({ granted: 0, waitMs: expect.any(Number) });
        // Nothing of the dossiers' waiting: announcements use the whole leftover.
        await h.db.update(notifications).set({ status: "sent" }).where(eq(notifications.id, n.id));
        await fill();
        expect((await takeLeftoverTokens(h.db, 10)).granted).toBe(2);
      } finally {
        await updateNotificationSettings(h.db, { rateLimitEnabled: false });
      }
    },
  );

  it("a cancelled send sends no more", async () => {
    await insertTestFollowers(
      h.db,
      Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, hoursAgo: 1 })),
    );
    await updateAnnouncementSettings(h.db, { batchSize: 10 });
    const zalo = fakeAnnouncementZalo();
    const a = await newAnnouncement({ kind: "segment" });
    await approveAndStart(a);
    await sendAnnouncementBatch(h.db, "w1", signal, { transport: zalo.transport, budgetMs: 0 });
    expect(zalo.messages).toHaveLength(10);
    await cancelAnnouncement(org.supervisor, { id: a.id });
    while ((await sendAnnouncementBatch(h.db, "w1", signal, { transport: zalo.transport })) > 0);
    expect(zalo.messages).toHaveLength(10);
    const counts = await h.db.execute(
      sql`select status, count(*)::int as n from announcement_recipients where announcement_id = ${a.id} group by 1
        order by 1`,
    );
    expect(executedRows(counts)).toEqual([
      { status: "cancelled", n: 20 },
      { status: "sent", n: 10 },
    ]);
    await updateAnnouncementSettings(h.db, { batchSize: 100 });
  });

  it("a worker killed mid-send: on recovery no follower gets it twice and none is lost", async () => {
    await insertTestFollowers(
      h.db,
      Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, hoursAgo: 1 })),
    );
    await updateAnnouncementSettings(h.db, { batchSize: 12 });
    let accepted = 0;
    const dying = new AbortController();
    // Zalo accepts 5 messages, then the process dies: the 5th never hears back, the others never start.
    const zalo = fakeAnnouncementZalo({
      afterAccept: async () => {
        if (++accepted === 5) {
          dying.abort();
          await new Promise(() => {});
        }
      },
    });
    const a = await newAnnouncement({ kind: "segment" });
    await approveAndStart(a);
    void sendAnnouncementBatch(h.db, "dead", dying.signal, { transport: zalo.transport, concurrency: 1 });
    while (accepted < 5) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    // Rows the dead worker still holds stay claimed; a live worker leaves them alone until they time out.
    const live = zalo.transport;
    while ((await sendAnnouncementBatch(h.db, "w2", signal, { transport: live })) > 0);
    const stuck = await h.db.select().from(announcementRecipients).where(eq(announcementRecipients.status, "sending"));
    expect(stuck.length).toBeGreaterThan(0);
    const recovered = await recoverStuckRecipients(h.db, live, 0);
    expect(recovered.sent).toBe(1);
    while ((await sendAnnouncementBatch(h.db, "w2", signal, { transport: live })) > 0);
    await finishCompletedSends(h.db);
    const per = zalo.perUser();
    expect(per.size).toBe(12);
    expect([...per.values()].every((n) => n === 1)).toBe(true);
    const rows = await h.db
      .select()
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, a.id));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    await updateAnnouncementSettings(h.db, { batchSize: 100 });
  });

  it("all followers: article, verify, one broadcast; every planned follower is recorded as reached", async () => {
    await insertTestFollowers(h.db, [{ key: "a" }, { key: "b" }]);
    const zalo = fakeAnnouncementZalo();
    const a = await newAnnouncement({ kind: "all", target: { gender: "0" } });
    await approveAndStart(a);
    // The one-by-one sender leaves an all-followers send's rows to its broadcast, between the steps too.
    for (let i = 0; i < 3; i++) {
      expect(await sendAnnouncementBatch(h.db, "w1", signal, { transport: zalo.transport, now: () => DAY })).toBe(0);
      await advanceBroadcasts(h.db, "w1", zalo.transport, DAY);
    }
    expect(zalo.messages).toEqual([]);
    expect(zalo.broadcasts).toEqual([{ articleId: "art-1", target: { gender: "0" } }]);
    const [row] = await h.db.select().from(announcements).where(eq(announcements.id, a.id));
    expect(row).toMatchObject({ status: "sent", broadcastMsgId: "b1" });
    const reached = await h.db
      .select()
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, a.id));
    expect(reached.map((r) => [r.status, r.channel])).toEqual([
      ["sent", "broadcast"],
      ["sent", "broadcast"],
    ]);
    expect(await advanceBroadcasts(h.db, "w1", zalo.transport, DAY)).toBe(0);
  });

  it(
    "a broadcast interrupted mid-call is paused for a person, " + "never sent twice; nothing goes out at night",
    async () => {
      await insertTestFollowers(h.db, [{ key: "a" }]);
      const zalo = fakeAnnouncementZalo();
      const a = await newAnnouncement({ kind: "all" });
      await approveAndStart(a);
      await updateAnnouncementSettings(h.db, { quietStartHour: 22, quietEndHour: 6 });
      expect(await advanceBroadcasts(h.db, "w1", zalo.transport, NIGHT)).toBe(0);
      await h.db
        .update(announcements)
        .set({ zaloArticleToken: "t", zaloArticleId: "art-1", broadcastStartedAt: new Date() })
        .where(eq(announcements.id, a.id));
      await advanceBroadcasts(h.db, "w1", zalo.transport, DAY);
      const [row] = await h.db.select().from(announcements).where(eq(announcements.id, a.id));
      expect(row).toMatchObject({ status: "paused", lastError: UNCERTAIN_BROADCAST });
      expect(zalo.broadcasts).toHaveLength(0);
    },
  );
});
