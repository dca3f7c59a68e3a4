import { expect, it, vi } from "vitest";
import { perDb, resetCachesForTests } from "./per-db";

it("makes one value per database handle, on first use, and never shares it with another handle", () => {
  let made = 0;
  const counterOf = perDb<{ n: number }, object>(() => ({ n: ++made }));
  const a = {};
  const b = {};
  expect(counterOf(a)).toBe(counterOf(a));
  expect(counterOf(b)).not.toBe(counterOf(a));
  expect(made).toBe(2);
});

it("makes a value anew after invalidate, for one handle or all, and once it is older than its TTL", () => {
  vi.useFakeTimers();
  try {
    let made = 0;
    const valueOf = perDb<number, object>(() => ++made, { ttlMs: 1_000 });
    const a = {};
    const b = {};
    expect([valueOf(a), valueOf(b)]).toEqual([1, 2]);
    valueOf.invalidate(a);
    expect([valueOf(a), valueOf(b)]).toEqual([3, 2]);
    resetCachesForTests();
    expect([valueOf(a), valueOf(b)]).toEqual([4, 5]);
    vi.advanceTimersByTime(999);
    expect(valueOf(a)).toBe(4);
    vi.advanceTimersByTime(1);
    expect(valueOf(a)).toBe(6);
  } finally {
    vi.useRealTimers();
  }
});
