import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcementRecipients, announcements, zaloFollowers } from "@/db/schema";
import { type Harness, startHarness, stopWorker, waitUntil } from "@/bench/notifications/harness";
import type { SimCitizenView } from "@/lib/sim/control";
import { stableId } from "@/lib/sim/state";
import { seedTestOrg } from "@/lib/testing";
import { createAnnouncement } from "./save-draft";
import { updateAnnouncementSettings } from "./settings";
import { approveAnnouncement, submitAnnouncement } from "./workflow";

/**
 * `kill -9` of real `npm run worker` processes in the middle of a segment send, against PostgreSQL and the
 * standalone Zalo simulator. PostgreSQL only (vitest.config.ts keeps *.pg.test.ts out of the PGlite pass):
 * the embedded database admits one process, so there is no separate worker process to kill there.
 */
const FOLLOWERS = 400;
const FINAL = ["sent", "skipped", "failed_permanent"] as const;

async function recipientCounts(h: Harness, announcementId: number) {
  const rows = await h.db
    .select({ status: announcementRecipients.status, n: count() })
    .from(announcementRecipients)
    .where(eq(announcementRecipients.announcementId, announcementId))
    .groupBy(announcementRecipients.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** Announcement messages the simulator's phones received: recipient row (the r=… in the link) → receiving users. */
async function receivedPerRecipient(h: Harness): Promise<Map<number, string[]>> {
  const { citizens } = await h.control<{ citizens: SimCitizenView[] }>("/citizens");
  const per = new Map<number, string[]>();
  for (const c of citizens) {
    for (const m of c.chat) {
      const r = m.direction === "oa" && m.kind === "cs" ? /\?r=(\d+)/.exec(m.text) : null;
      if (r) per.set(Number(r[1]), [...(per.get(Number(r[1])) ?? []), c.userId]);
    }
  }
  return per;
}

describe("announcement segment send survives kill -9 of its workers", () => {
  let h: Harness;
  let announcementId: number;

  beforeAll(async () => {
    h = await startHarness();
    // Zalo a little slow so every kill lands with messages in flight; no night window, no caps in the way.
    await h.control("/faults", { latencyMs: 30 });
    await h.control("/followers", { count: FOLLOWERS, prefix: "8490", interactedHoursAgo: [1] });
    await h.db.insert(zaloFollowers).values(
      Array.from({ length: FOLLOWERS }, (_, i) => ({
        oaUserId: stableId(`user:8490${String(i).padStart(7, "0")}`),
        displayName: `Người quan tâm ${i + 1}`,
        following: true,
        followedAt: new Date(),
        lastInteractionAt: new Date(Date.now() - 3600_000),
      })),
    );
    await h.settings({ rateLimitEnabled: false });
    await updateAnnouncementSettings(h.db, {
      quietStartHour: 0,
      quietEndHour: 0,
      monthlyCap: 100,
      dailyCap: 100,
      batchSize: 40,
    });
    const org = await seedTestOrg(h.db);
    const a = await createAnnouncement(org.publisher, {
      title: "Thủ tục mới: đăng ký khai sinh trực tuyến",
      summary: "Từ 15/12/2026 người dân đăng ký khai sinh trên Cổng dịch vụ công.",
      body: [{ type: "text", content: "Hướng dẫn chi tiết tại Bộ phận Một cửa." }],
      audience: { kind: "segment", recency: "any" },
    });
    await submitAnnouncement(org.publisher, { id: a.id });
    await approveAnnouncement(org.supervisor, { id: a.id });
    announcementId = a.id;
  }, 300_000);
  afterAll(() => h?.close());

  it("sends every follower the announcement exactly once across two kills and a restart", async () => {
    // Rows left "sending" by a dead worker are looked up in the OA's conversation after 3 s instead of 2 min.
    const env = { ANNOUNCEMENTS_STUCK_MS: "3000" };
    const sent = async () => (await recipientCounts(h, announcementId)).sent ?? 0;
    let inFlightAtKill = 0;
    for (const [round, target] of [100, 220].entries()) {
      const w = h.startWorker(`announce-crashy-${round}`, env);
      expect(await waitUntil(async () => (await sent()) >= target, 180_000, 20)).toBe(true);
      await stopWorker(w, "SIGKILL");
      inFlightAtKill += (await recipientCounts(h, announcementId)).sending ?? 0;
    }
    // The kills hit the worker mid-batch: some rows were claimed and on their way to Zalo.
    expect(inFlightAtKill).toBeGreaterThan(0);

    const finisher = h.startWorker("announce-finisher", env);
    const finished = async () =>
      (
        await h.db.select({ s: announcements.status }).from(announcements).where(eq(announcements.id, announcementId))
      )[0].s === "sent";
    expect(await waitUntil(finished, 300_000, 250)).toBe(true);
    await stopWorker(finisher);

    // Every row final, and every one of them sent: none lost.
    const rows = await h.db
      .select()
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, announcementId));
    expect(rows.filter((r) => !(FINAL as readonly string[]).includes(r.status))).toEqual([]);
    expect(await recipientCounts(h, announcementId)).toEqual({ sent: FOLLOWERS });
    // One row per follower, and at the simulator each row's message reached its own follower exactly once.
    const followers = await h.db.select({ oaUserId: zaloFollowers.oaUserId }).from(zaloFollowers);
    expect(new Set(rows.map((r) => r.oaUserId))).toEqual(new Set(followers.map((f) => f.oaUserId)));
    const received = await receivedPerRecipient(h);
    expect([...received.entries()].filter(([, users]) => users.length > 1)).toEqual([]);
    expect(rows.filter((r) => received.get(r.id)?.join() !== r.oaUserId).map((r) => r.id)).toEqual([]);
    expect(received.size).toBe(FOLLOWERS);
  }, 900_000);
});
