import { describe, expect, it } from "vitest";
import { bucketShape, refillBucket } from "./rate-limit";
import { nextVnMidnight } from "./quota";

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
