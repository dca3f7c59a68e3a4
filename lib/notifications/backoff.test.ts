import { describe, expect, it } from "vitest";
import { canRetry, retryDelayMs } from "./backoff";
import { refillBucket, bucketShape } from "./rate-limit";
import { nextVnMidnight } from "./quota";

const defaults = { maxAttempts: 12, retryBaseMs: 60_000, retryCapMs: 3_600_000 };

describe("retry schedule", () => {
  it("doubles from the base, caps at one hour, and jitters by at most 20 %", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a, defaults, mid))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(3, defaults, () => 0)).toBe(192_000);
    expect(retryDelayMs(3, defaults, () => 0.999999)).toBeLessThanOrEqual(288_000);
    expect(retryDelayMs(3, defaults, () => 0.999999)).toBeGreaterThan(287_000);
  });

  it("spreads twelve attempts over about six hours", () => {
    let total = 0;
    for (let attempt = 1; attempt < defaults.maxAttempts; attempt++) total += retryDelayMs(attempt, defaults, () => 0.5);
    expect(total / 3_600_000).toBeGreaterThan(5.5);
    expect(total / 3_600_000).toBeLessThan(6.5);
    expect(canRetry(11, defaults)).toBe(true);
    expect(canRetry(12, defaults)).toBe(false);
  });
});

describe("token bucket", () => {
  it("refills just under the per-minute limit and holds a small burst only", () => {
    const { capacity, refillPerMinute } = bucketShape(4000);
    expect(capacity).toBe(8);
    expect(refillPerMinute).toBeLessThan(4000);
    expect(refillPerMinute).toBeGreaterThanOrEqual(3960);
    expect(refillBucket({ tokens: 0, remainderMilli: 0 }, 60_000, 4000).tokens).toBe(capacity);
    const afterHundredMs = refillBucket({ tokens: 0, remainderMilli: 0 }, 100, 4000);
    expect(afterHundredMs.tokens).toBe(6);
    expect(afterHundredMs.remainderMilli).toBe(633);
  });

  it("never lets a 60-second window exceed the limit", () => {
    const { capacity, refillPerMinute } = bucketShape(4000);
    expect(Math.floor(refillPerMinute) + capacity).toBeLessThanOrEqual(4000);
  });
});

describe("quota day", () => {
  it("resets at midnight in Viet Nam", () => {
    expect(nextVnMidnight(new Date("2024-02-26T16:59:00Z")).toISOString()).toBe("2024-02-26T17:00:00.000Z");
    expect(nextVnMidnight(new Date("2024-02-26T17:00:00Z")).toISOString()).toBe("2024-02-27T17:00:00.000Z");
  });
});
