import { describe, expect, it } from "vitest";
import { FREE_WINDOW_MS, PAID_WINDOW_MS, replyWindow } from "./window";

const last = new Date("2026-12-01T03:00:00Z");
const at = (ms: number) => new Date(last.getTime() + ms);

describe("reply window", () => {
  it("is free until just before 48 h, paid from exactly 48 h", () => {
    expect(replyWindow(last, at(FREE_WINDOW_MS - 1)).zone).toBe("free");
    expect(replyWindow(last, at(FREE_WINDOW_MS)).zone).toBe("paid");
  });
  it("is paid until just before 7 days, closed from exactly 7 days", () => {
    expect(replyWindow(last, at(PAID_WINDOW_MS - 1)).zone).toBe("paid");
    expect(replyWindow(last, at(PAID_WINDOW_MS)).zone).toBe("closed");
  });
  it("is closed when the citizen never interacted, and reports both limits otherwise", () => {
    expect(replyWindow(null, last)).toEqual({ zone: "closed", freeUntil: null, paidUntil: null });
    const w = replyWindow(last, last);
    expect(w.freeUntil?.toISOString()).toBe("2026-12-03T03:00:00.000Z");
    expect(w.paidUntil?.toISOString()).toBe("2026-12-08T03:00:00.000Z");
  });
});
