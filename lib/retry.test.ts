import { describe, expect, it } from "vitest";
import { canRetry, retryDelayMs } from "./retry";

const defaults = { maxAttempts: 12, retryBaseMs: 60_000, retryCapMs: 3_600_000 };

describe("retry schedule", () => {
  it("doubles from the base, caps at one hour, and jitters by at most 20 %", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a, defaults, mid))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(3, defaults, () => 0)).toBe(192_000);
    expect(retryDelayMs(3, defaults, () => 0.999999)).toBeLessThanOrEqual(288_000);
    expect(retryDelayMs(3, defaults, () => 0.999999)).toBeGreaterThan(287_000);
  });

  it("spreads twelve attempts over about six hours", () => {
    let total = 0;
    for (let attempt = 1; attempt < defaults.maxAttempts; attempt++)
      total += retryDelayMs(attempt, defaults, () => 0.5);
    expect(total / 3_600_000).toBeGreaterThan(5.5);
    expect(total / 3_600_000).toBeLessThan(6.5);
    expect(canRetry(11, defaults)).toBe(true);
    expect(canRetry(12, defaults)).toBe(false);
  });
});
