import { count, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierEvents, notifications } from "@/db/schema";
import { type Harness, startHarness, stopWorker, waitUntil } from "@/bench/notifications/harness";
import { trackingIdOf } from "./tracking";

/**
 * Real worker processes (`npm run worker`) against PostgreSQL and the standalone Zalo simulator. PostgreSQL
 * only (vitest.config.ts keeps *.pg.test.ts out of the PGlite pass): the embedded database admits one process.
 */
const FINAL = ["sent", "delivered", "seen", "failed_permanent"] as const;

interface SendsView {
  total: number;
  perTracking: Record<string, number>;
}

async function statusCounts(h: Harness) {
  const rows = await h.db
    .select({ status: notifications.status, n: count() })
    .from(notifications)
    .groupBy(notifications.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

async function sentSoFar(h: Harness) {
  const [{ n }] = await h.db
    .select({ n: count() })
    .from(notifications)
    .where(inArray(notifications.status, ["sent", "delivered", "seen"]));
  return n;
}

async function allFinal(h: Harness, total: number) {
  const [{ n }] = await h.db
    .select({ n: count() })
    .from(notifications)
    .where(inArray(notifications.status, [...FINAL]));
  return n === total;
}

// A killed worker's webhook events (delivery receipts among them) hold back the resend of its notifications until
// they are swept; production waits 5 minutes, the test 15 seconds.
const quickEventSweep = { ZALO_EVENTS_STUCK_MS: "15000" };

describe("notification worker reliability (worker processes, simulator)", () => {
  describe("kill -9 mid-way through 1,000 notifications", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
      // Slow Zalo a little so a kill lands mid-batch; short timeouts so the sweeper recovers quickly.
      await h.control("/faults", { latencyMs: 25 });
      await h.settings({
        rateLimitEnabled: false,
        batchSize: 50,
        concurrency: 8,
        sendingTimeoutMs: 10_000,
        retryBaseMs: 200,
        retryCapMs: 2_000,
      });
      await h.seedEvents(1000, { magicEvery: 20 });
    }, 300_000);
    afterAll(() => h?.close());

    it("ends with every notification sent or permanently failed, none lost, none sent twice", async () => {
      for (let round = 0; round < 4; round++) {
        const w = h.startWorker(`crashy-${round}`, quickEventSweep);
        // Kill once this copy is busy sending: mid-batch, with requests in flight.
        const target = (round + 1) * 150;
        await waitUntil(async () => sentSoFar(h).then((n) => n >= target), 180_000, 50);
        await stopWorker(w, "SIGKILL");
      }
      const finisher = h.startWorker("finisher", quickEventSweep);
      expect(await waitUntil(() => allFinal(h, 1000), 400_000, 500)).toBe(true);
      await stopWorker(finisher);

      const [{ undispatched }] = await h.db
        .select({ undispatched: count() })
        .from(dossierEvents)
        .where(isNull(dossierEvents.dispatchedAt));
      expect(undispatched).toBe(0);
      const rows = await h.db.select().from(notifications);
      expect(rows).toHaveLength(1000);
      const sends = await h.control<SendsView>("/sends");
      const duplicates = Object.entries(sends.perTracking).filter(([, c]) => c > 1);
      expect(duplicates).toEqual([]);
      for (const n of rows) {
        const accepted = sends.perTracking[trackingIdOf(n.id)] ?? 0;
        if (n.status === "failed_permanent") {
          expect(n.lastErrorCode).toBe(-108);
          expect(n.lastError).toBe("Số điện thoại không hợp lệ");
          expect(accepted).toBe(0);
        } else {
          expect(accepted).toBe(1);
        }
      }
      expect((await statusCounts(h)).failed_permanent).toBe(50);
    }, 1_200_000);
  });

  describe("simulator at 20 % server errors, 5 % timeouts and one token expiry", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
      // A timed-out send may have been accepted: it waits briefly for a receipt before it is sent again.
      await h.settings({
        rateLimitEnabled: false,
        batchSize: 100,
        concurrency: 16,
        sendingTimeoutMs: 20_000,
        retryBaseMs: 100,
        retryCapMs: 1_000,
        maxAttempts: 12,
        unknownOutcomeWaitMs: 2_000,
      });
      await h.seedEvents(1000);
    }, 300_000);
    afterAll(() => h?.close());

    it("delivers all 1,000 in the end and spends the refresh token exactly once for the expiry", async () => {
      const env = { NOTIFICATIONS_SEND_TIMEOUT_MS: "1000" };
      const workers = [h.startWorker("a", env), h.startWorker("b", env)];
      // Let the first sends obtain an access token (spending the bootstrap refresh token), then break things.
      await waitUntil(async () => (await sentSoFar(h)) > 20, 180_000, 100);
      const before = await h.control<{ spent: string[] }>("/tokens");
      await h.control("/faults", { errorRate: 0.2, errorKind: "5xx", hangRate: 0.05, hangMs: 3_000 });
      await h.control("/expire-tokens", {});
      expect(await waitUntil(() => allFinal(h, 1000), 600_000, 500)).toBe(true);
      await Promise.all(workers.map((w) => stopWorker(w)));

      const counts = await statusCounts(h);
      expect(counts.failed_permanent ?? 0).toBe(0);
      const after = await h.control<{ spent: string[] }>("/tokens");
      expect(after.spent.length - before.spent.length).toBe(1);
      const sends = await h.control<SendsView>("/sends");
      const rows = await h.db.select({ id: notifications.id }).from(notifications);
      for (const n of rows) expect(sends.perTracking[trackingIdOf(n.id)] ?? 0).toBeGreaterThanOrEqual(1);
      const [{ retried }] = await h.db
        .select({ retried: sql<number>`count(*) filter (where ${notifications.attempts} > 1)::int` })
        .from(notifications);
      expect(retried).toBeGreaterThan(0);
    }, 1_200_000);
  });
});
