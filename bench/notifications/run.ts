import fs from "node:fs";
import { count, inArray } from "drizzle-orm";
import { dossierEvents, notifications } from "../../db/schema";
import { testPayload } from "../../lib/notifications/testing";
import { trackingIdOf } from "../../lib/notifications/tracking";
import { type Harness, startHarness, stopWorker, waitUntil } from "./harness";

/**
 * npm run bench:notifications [raw|latency|rate] — each part on a fresh PostgreSQL database with the standalone
 * simulator and two `npm run worker` processes; figures and ratios printed from the same run.
 * Diagnostics: BENCH_DUMP_SENDS=<file> writes the rate part's send times; WORKER_NODE_ARGS="--cpu-prof …" profiles the
 * workers.
 */
interface SimSend {
  trackingId: string;
  at: number;
}

const parts = process.argv.slice(2).length ? process.argv.slice(2) : ["raw", "latency", "rate"];
const results: string[] = [];
const line = (s: string) => {
  console.log(s);
  results.push(s);
};

async function sends(h: Harness): Promise<SimSend[]> {
  return (await h.control<{ sends: SimSend[] }>("/sends")).sends;
}

async function sentCount(h: Harness): Promise<number> {
  const [{ n }] = await h.db
    .select({ n: count() })
    .from(notifications)
    .where(inArray(notifications.status, ["sent", "delivered", "seen"]));
  return n;
}

async function twoWorkers(h: Harness, count = 2) {
  const workers = Array.from({ length: count }, (_, i) => h.startWorker(`bench-${i + 1}`));
  // Wait for the processes to be up (tsx start-up) before the clock starts.
  await new Promise((r) => setTimeout(r, Number(process.env.BENCH_STARTUP_MS || 6000)));
  return workers;
}

/** Outbox → simulator with the rate limit off: notifications accepted per second, first to last send. */
async function dispatchRate(
  workerCount: number,
  total: number,
): Promise<{ accepted: number; seconds: number; rate: number; wall: number }> {
  const h = await startHarness();
  try {
    await h.control("/settings", { deliveryStatuses: false, dailyQuota: 1_000_000, remainingQuota: 1_000_000 });
    await h.settings({ rateLimitEnabled: false, batchSize: 500, concurrency: 64 });
    const workers = await twoWorkers(h, workerCount);
    await h.seedEvents(total);
    const t0 = Date.now();
    await waitUntil(async () => (await sentCount(h)) >= total, 300_000, 100);
    const wall = (Date.now() - t0) / 1000;
    const s = await sends(h);
    const first = Math.min(...s.map((x) => x.at));
    const last = Math.max(...s.map((x) => x.at));
    await Promise.all(workers.map((w) => stopWorker(w)));
    return { accepted: s.length, seconds: (last - first) / 1000, rate: (s.length - 1) / ((last - first) / 1000), wall };
  } finally {
    await h.close();
  }
}

async function raw() {
  const total = Number(process.env.BENCH_RAW_COUNT || 10_000);
  // Baseline in the same run: one worker process; the figure: the two the deployment runs.
  const one = await dispatchRate(1, total);
  const two = await dispatchRate(2, total);
  line(
    `raw dispatch, baseline 1 worker: ${one.accepted} accepted in ${one.seconds.toFixed(2)} s ` +
      `= ${one.rate.toFixed(0)}/s`,
  );
  line(
    `raw dispatch, 2 workers: ${two.accepted} notifications accepted by the simulator, ` +
      `first→last ${two.seconds.toFixed(2)} s = ${two.rate.toFixed(0)}/s ` +
      `(target ≥ 1,000/s: ${two.rate >= 1000 ? "MET" : "NOT MET"}, ${(two.rate / 1000).toFixed(2)}× the ` +
      `target, ${(two.rate / one.rate).toFixed(2)}× one worker); outbox→sent wall ${two.wall.toFixed(2)} s ` +
      `= ${(total / two.wall).toFixed(0)}/s incl. routing`,
  );
}

async function latency() {
  const perSecond = 100;
  const seconds = Number(process.env.BENCH_LATENCY_SECONDS || 20);
  const h = await startHarness();
  try {
    await h.control("/settings", { dailyQuota: 1_000_000, remainingQuota: 1_000_000 });
    // 100/s is above the default 4,000/min Zalo limit (66.7/s), so this part runs with the limit off.
    await h.settings({ rateLimitEnabled: false, batchSize: 200, concurrency: 32 });
    await h.seedEvents(10, { perDossier: 1 });
    await waitUntil(async () => (await sentCount(h)) >= 0, 1000);
    const workers = await twoWorkers(h);
    await waitUntil(async () => (await sentCount(h)) >= 10, 60_000, 100);
    const dossiersRows = await h.db
      .selectDistinct({ dossierId: dossierEvents.dossierId, unitId: dossierEvents.unitId })
      .from(dossierEvents);
    const start = Date.now();
    let written = 0;
    for (let sec = 0; sec < seconds; sec++) {
      const tick = start + sec * 1000;
      for (let i = 0; i < 10; i++) {
        const slot = tick + i * 100;
        const wait = slot - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const batch = Array.from({ length: perSecond / 10 }, (_, k) => {
          const d = dossiersRows[(written + k) % dossiersRows.length];
          return {
            dossierId: d.dossierId,
            unitId: d.unitId,
            type: "assigned",
            payload: testPayload({ code: `LAT-${written + k}` }),
          };
        });
        await h.db.insert(dossierEvents).values(batch);
        written += batch.length;
      }
    }
    const achieved = written / ((Date.now() - start) / 1000);
    await waitUntil(async () => (await sentCount(h)) >= written + 10, 120_000, 200);
    await Promise.all(workers.map((w) => stopWorker(w)));
    const events = await h.db.select({ id: dossierEvents.id, createdAt: dossierEvents.createdAt }).from(dossierEvents);
    const byEvent = new Map(events.map((e) => [e.id, e.createdAt.getTime()]));
    const rows = await h.db.select({ id: notifications.id, eventId: notifications.eventId }).from(notifications);
    const sentAt = new Map((await sends(h)).map((s) => [s.trackingId, s.at]));
    const lat = rows
      .filter((r) => r.eventId != null && byEvent.has(r.eventId) && sentAt.has(trackingIdOf(r.id)))
      .slice(10)
      .map((r) => sentAt.get(trackingIdOf(r.id))! - byEvent.get(r.eventId!)!)
      .sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
    const within2s = lat.filter((x) => x <= 2000).length / lat.length;
    line(
      `latency at ${achieved.toFixed(1)} transitions/s for ${seconds} s (${lat.length} notifications): ` +
        `p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${lat[lat.length - 1]} ` +
        `ms; ${(within2s * 100).toFixed(2)} % handed to Zalo within 2 s (target ≥ 99 %)`,
    );
  } finally {
    await h.close();
  }
}

async function rate() {
  const limit = 4000;
  const windowSeconds = Number(process.env.BENCH_RATE_SECONDS || 60);
  const h = await startHarness();
  try {
    await h.control("/settings", { deliveryStatuses: false, dailyQuota: 1_000_000, remainingQuota: 1_000_000 });
    await h.settings({ rateLimitEnabled: true, ratePerMinute: limit, batchSize: 200, concurrency: 32 });
    await h.seedEvents(Math.ceil((limit * (windowSeconds + 20)) / 60));
    const workers = await twoWorkers(h);
    const warmup = 5_000;
    await new Promise((r) => setTimeout(r, warmup + windowSeconds * 1000 + 1000));
    await Promise.all(workers.map((w) => stopWorker(w)));
    const s = (await sends(h)).map((x) => x.at).sort((a, b) => a - b);
    if (process.env.BENCH_DUMP_SENDS) fs.writeFileSync(process.env.BENCH_DUMP_SENDS, s.join("\n"));
    const from = s[0] + warmup;
    const to = from + windowSeconds * 1000;
    const inWindow = s.filter((t) => t >= from && t < to).length;
    const perMinute = (inWindow * 60) / windowSeconds;
    let maxMinute = 0;
    for (let i = 0, j = 0; i < s.length; i++) {
      while (s[i] - s[j] >= 60_000) j++;
      maxMinute = Math.max(maxMinute, i - j + 1);
    }
    line(
      `rate limit ${limit}/min across 2 workers: ${inWindow} sends in ${windowSeconds} s ` +
        `= ${perMinute.toFixed(0)}/min (${((perMinute / limit) * 100).toFixed(2)} % of the limit, target 99–100 %); ` +
        `busiest 60 s window ${maxMinute} (must be ≤ ${limit})`,
    );
  } finally {
    await h.close();
  }
}

for (const p of parts) {
  if (p === "raw") await raw();
  else if (p === "latency") await latency();
  else if (p === "rate") await rate();
  else throw new Error(`unknown part ${p}`);
}
console.log("\n" + results.join("\n"));
process.exit(0);
