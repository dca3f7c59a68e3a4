import fs from "node:fs";
import os from "node:os";
import { eq, inArray, sql } from "drizzle-orm";
import { announcements, dossierEvents, notifications, zaloFollowers } from "../../db/schema";
import { updateAnnouncementSettings } from "../../lib/announcements/settings";
import { createAnnouncement } from "../../lib/announcements/save-draft";
import { approveAnnouncement, submitAnnouncement } from "../../lib/announcements/workflow";
import { bucketShape } from "../../lib/notifications/rate-limit";
import { testPayload } from "../../lib/notifications/testing";
import { trackingIdOf } from "../../lib/notifications/tracking";
import { stableId } from "../../lib/sim/state";
import { seedTestOrg } from "../../lib/testing";
import { type Harness, startHarness, stopWorker, waitUntil } from "../notifications/harness";

/**
 * npm run bench:announcements [plan|latency] — on a fresh PostgreSQL database each (BENCH_DATABASE_URL, default
 * postgres://root@127.0.0.1:5432/test), with the standalone simulator and real `npm run worker` processes.
 * plan: a segment send to 100,000 followers planned by a worker (time, worker RSS), against a plain copy of the
 * audience into recipient rows in the same run. latency: dossier notifications at 20 transitions/s while a
 * 100,000-recipient send runs at the shared 4,000/min limit, against the same load with no send.
 */
const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS || 100_000);
const parts = process.argv.slice(2).length ? process.argv.slice(2) : ["plan", "latency"];
const results: string[] = [];
const line = (s: string) => {
  console.log(s);
  results.push(s);
};

/** Resident memory of a process and its children, in MB (Linux /proc). */
function rssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const kids = fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const k of kids ? kids.split(" ") : []) visit(Number(k));
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return kb / 1024;
}

/** Followers with the simulator's ids for phones prefix+i, half tagged, interaction spread over 0–8 days. */
async function insertFollowers(h: Harness, count: number) {
  const rows = Array.from({ length: count }, (_, i) => {
    const phone = `8490${String(i).padStart(7, "0")}`;
    return {
      oaUserId: stableId(`user:${phone}`),
      displayName: `Người quan tâm ${i + 1}`,
      following: true,
      followedAt: new Date(),
      tags: i % 2 ? ["doanh-nghiep"] : [],
      lastInteractionAt: new Date(Date.now() - (i % 200) * 3600_000),
    };
  });
  for (let i = 0; i < rows.length; i += 5000) await h.db.insert(zaloFollowers).values(rows.slice(i, i + 5000));
}

async function segmentAnnouncement(h: Harness) {
  const org = await seedTestOrg(h.db);
  const a = await createAnnouncement(org.publisher, {
    title: "Tin thử tải",
    summary: "Bench",
    body: [{ type: "text", content: "Nội dung" }],
    audience: { kind: "segment", recency: "any" },
  });
  await submitAnnouncement(org.publisher, { id: a.id });
  return { a, approve: () => approveAnnouncement(org.supervisor, { id: a.id }) };
}

async function plan() {
  const h = await startHarness();
  try {
    await updateAnnouncementSettings(h.db, { quietStartHour: 0, quietEndHour: 0 });
    await insertFollowers(h, FOLLOWERS);
    // A month of history: an earlier send reached every third follower today (daily cap) — the planner must count it.
    const { a: old } = await segmentAnnouncement(h);
    await h.db
      .execute(sql`insert into announcement_recipients (announcement_id, follower_id, oa_user_id, channel, status,
        sent_at)
      select ${old.id}, id, oa_user_id, 'cs', 'sent', now() - interval '1 hour' from zalo_followers where id % 3 = 0`);
    await h.db.execute(sql`analyze`);

    const { a: base } = await segmentAnnouncement(h);
    const b0 = performance.now();
    await h.db
      .execute(sql`insert into announcement_recipients (announcement_id, follower_id, oa_user_id, channel, status)
      select ${base.id}, id, oa_user_id, 'cs', 'queued' from zalo_followers where following`);
    const baseline = (performance.now() - b0) / 1000;

    const { a, approve } = await segmentAnnouncement(h);
    await h.settings({ rateLimitEnabled: true, ratePerMinute: 4000 });
    const worker = h.startWorker("bench-plan");
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_STARTUP_MS || 6000)));
    const idle = rssMb(worker.pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(worker.pid!))), 50);
    const t0 = performance.now();
    await approve();
    await waitUntil(
      async () =>
        (await h.db.select({ s: announcements.status }).from(announcements).where(eq(announcements.id, a.id)))[0].s ===
        "sending",
      120_000,
      50,
    );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const [row] = await h.db.select({ plan: announcements.plan }).from(announcements).where(eq(announcements.id, a.id));
    await stopWorker(worker);
    line(
      `plan ${FOLLOWERS} followers (segment, caps + windows + recipient rows) in the worker: ${seconds.toFixed(2)} s ` +
        `from approval to sending ` +
        `(target ≤ 30 s: ${seconds <= 30 ? "MET" : "NOT MET"}); baseline plain copy of the ` +
        `audience ${baseline.toFixed(2)} s (${(seconds / baseline).toFixed(2)}× it); ` +
        `worker RSS idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (target ≤ 300 ` +
        `MB: ${peak <= 300 ? "MET" : "NOT MET"}); ` +
        `plan: ${row.plan?.willSend} to send, skipped ${JSON.stringify(row.plan?.skipped)}`,
    );
  } finally {
    await h.close();
  }
}

/**
 * Dossier transitions at `perSecond` for `seconds`; returns latency (event → accepted by the simulator) percentiles.
 */
async function dossierLoad(withSend: boolean) {
  const perSecond = 20;
  const seconds = Number(process.env.BENCH_LATENCY_SECONDS || 30);
  const h = await startHarness();
  try {
    await updateAnnouncementSettings(h.db, { quietStartHour: 0, quietEndHour: 0, batchSize: 100 });
    await h.control("/settings", { deliveryStatuses: false, dailyQuota: 1_000_000, remainingQuota: 1_000_000 });
    await h.settings({ rateLimitEnabled: true, ratePerMinute: 4000, batchSize: 200, concurrency: 32 });
    await h.control("/followers", { count: FOLLOWERS, prefix: "8490", interactedHoursAgo: [1] });
    await insertFollowers(h, FOLLOWERS);
    await h.db.update(zaloFollowers).set({ lastInteractionAt: new Date(Date.now() - 3600_000) });
    await h.seedEvents(10, { perDossier: 1 });
    const workers = [h.startWorker("bench-1"), h.startWorker("bench-2")];
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_STARTUP_MS || 6000)));
    const sent = async () =>
      (
        await h.db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(inArray(notifications.status, ["sent", "delivered", "seen"]))
      )[0].n;
    await waitUntil(async () => (await sent()) >= 10, 60_000, 100);
    let csBefore = 0;
    if (withSend) {
      const { a, approve } = await segmentAnnouncement(h);
      await approve();
      await waitUntil(
        async () =>
          (await h.db.select({ s: announcements.status }).from(announcements).where(eq(announcements.id, a.id)))[0]
            .s === "sending",
        120_000,
        100,
      );
      await new Promise((r) => setTimeout(r, 3000));
      csBefore = (await h.control<{ counters: { acceptedCs: number } }>("/state")).counters.acceptedCs;
    }
    const dossiersRows = await h.db
      .selectDistinct({ dossierId: dossierEvents.dossierId, unitId: dossierEvents.unitId })
      .from(dossierEvents);
    const start = Date.now();
    let written = 0;
    for (let sec = 0; sec < seconds; sec++) {
      for (let i = 0; i < 10; i++) {
        const wait = start + sec * 1000 + i * 100 - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const batch = Array.from({ length: perSecond / 10 }, (_, k) => {
          const d = dossiersRows[(written + k) % dossiersRows.length];
          return {
            dossierId: d.dossierId,
            unitId: d.unitId,
            type: "assigned",
            payload: testPayload({ code: `LAT-${written + k}`, phone84: "84970000579" }),
          };
        });
        await h.db.insert(dossierEvents).values(batch);
        written += batch.length;
      }
    }
    const elapsed = (Date.now() - start) / 1000;
    const csDuring = withSend
      ? (await h.control<{ counters: { acceptedCs: number } }>("/state")).counters.acceptedCs - csBefore
      : 0;
    await waitUntil(async () => (await sent()) >= written + 10, 120_000, 200);
    await Promise.all(workers.map((w) => stopWorker(w)));
    const events = await h.db.select({ id: dossierEvents.id, createdAt: dossierEvents.createdAt }).from(dossierEvents);
    const byEvent = new Map(events.map((e) => [e.id, e.createdAt.getTime()]));
    const rows = await h.db.select({ id: notifications.id, eventId: notifications.eventId }).from(notifications);
    const sentAt = new Map(
      (await h.control<{ sends: { trackingId: string; at: number }[] }>("/sends")).sends.map((s) => [
        s.trackingId,
        s.at,
      ]),
    );
    const lat = rows
      .flatMap((r) =>
        r.eventId != null && byEvent.has(r.eventId) && sentAt.has(trackingIdOf(r.id))
          ? [{ ...r, eventId: r.eventId }]
          : [],
      )
      .slice(10)
      .map((r) => sentAt.get(trackingIdOf(r.id))! - byEvent.get(r.eventId)!)
      .sort((x, y) => x - y);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
    return {
      n: lat.length,
      p50: pct(50),
      p99: pct(99),
      max: lat[lat.length - 1],
      rate: written / elapsed,
      annPerMinute: (csDuring * 60) / elapsed,
    };
  } finally {
    await h.close();
  }
}

async function latency() {
  const load = () => os.loadavg()[0].toFixed(1);
  const before = load();
  const base = await dossierLoad(false);
  const between = load();
  const busy = await dossierLoad(true);
  line(`load average (1 min) at start ${before}, between the runs ${between}, at the end ${load()} (2 cores)`);
  line(
    `dossier notifications, baseline (no announcement send): ${base.rate.toFixed(1)}/s, ${base.n} sent, ` +
      `p50 ${base.p50} ms, p99 ${base.p99} ms, max ${base.max} ms`,
  );
  line(
    `dossier notifications during a ${FOLLOWERS}-follower send at 4,000/min: ${busy.rate.toFixed(1)}/s, ${busy.n} ` +
      `sent, p50 ${busy.p50} ms, p99 ${busy.p99} ms, max ${busy.max} ms ` +
      `(target p99 ≤ 2,000 ms: ${busy.p99 <= 2000 ? "MET" : "NOT MET"}; ${(busy.p99 / base.p99).toFixed(2)}× the ` +
      `baseline p99)`,
  );
  // What the shared bucket refills per minute (lib/notifications/rate-limit.ts) less what the dossiers used.
  const leftover = bucketShape(4000).refillPerMinute - busy.rate * 60;
  line(
    `announcement messages meanwhile ${busy.annPerMinute.toFixed(0)}/min of the ~${leftover.toFixed(0)}/min the ` +
      `dossier notifications left ` +
      `(${((100 * busy.annPerMinute) / leftover).toFixed(1)} % of the leftover used)`,
  );
}

for (const p of parts) {
  if (p === "plan") await plan();
  else if (p === "latency") await latency();
  else throw new Error(`unknown part ${p}`);
}
console.log("\n" + results.join("\n"));
process.exit(0);
