import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { abortableSleep } from "./sleep";

describe("abortableSleep", () => {
  it("leaves no listener on the signal after many completed sleeps", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) await abortableSleep(1, controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("wakes at once when the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
