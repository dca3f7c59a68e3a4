import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { hitRateLimit, pruneRateLimits } from "./rate-limit";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

describe("pruneRateLimits", () => {
  it(
    "drops the counters of past windows (one row per address " + "a rotating client made up) and keeps current ones",
    async () => {
      const w = { limit: 30, windowSeconds: 60 };
      const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000);
      for (let i = 0; i < 20; i++) await hitRateLimit(h.db, `lookup:198.51.100.${i}`, w, yesterday);
      await hitRateLimit(h.db, "lookup:203.0.113.1", w);
      expect(await pruneRateLimits(h.db, new Date(Date.now() - 24 * 60 * 60 * 1000))).toBe(20);
      const left = await h.db.select().from(rateLimits);
      expect(left.map((r) => r.key)).toEqual(["lookup:203.0.113.1"]);
    },
  );
});
