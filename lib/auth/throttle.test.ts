import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { LOCK_MINUTES, recordSignInFailure, recordSignInSuccess, signInGate } from "./throttle";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

describe("sign-in throttling", () => {
  it("locks a user name after 5 failures, known or not, and unlocks after 15 minutes", async () => {
    const t0 = new Date("2026-03-02T02:00:00Z");
    for (let i = 1; i <= 4; i++) expect((await recordSignInFailure(h.db, "nobody-here", "10.0.0.1", t0)).locked).toBe(false);
    expect(await signInGate(h.db, "nobody-here", "10.0.0.1", t0)).toEqual({ ok: true });
    expect((await recordSignInFailure(h.db, "nobody-here", "10.0.0.1", t0)).locked).toBe(true);
    expect(await signInGate(h.db, "NOBODY-HERE", "10.0.0.2", t0)).toEqual({ ok: false, reason: "locked" });
    const later = new Date(t0.getTime() + (LOCK_MINUTES * 60 + 1) * 1000);
    expect(await signInGate(h.db, "nobody-here", "10.0.0.2", later)).toEqual({ ok: true });
    expect((await recordSignInFailure(h.db, "nobody-here", "10.0.0.2", later)).locked).toBe(false);
  });

  it("a success clears the count", async () => {
    const t0 = new Date("2026-03-02T03:00:00Z");
    for (let i = 0; i < 4; i++) await recordSignInFailure(h.db, "alice", "10.0.1.1", t0);
    await recordSignInSuccess(h.db, "alice");
    expect((await recordSignInFailure(h.db, "alice", "10.0.1.1", t0)).locked).toBe(false);
  });

  it("limits an IP that tries many user names", async () => {
    const t0 = new Date("2026-03-02T04:00:00Z");
    for (let i = 0; i < 30; i++) await recordSignInFailure(h.db, `user${i}`, "10.9.9.9", t0);
    expect(await signInGate(h.db, "fresh-user", "10.9.9.9", t0)).toEqual({ ok: false, reason: "ip_limited" });
    expect(await signInGate(h.db, "fresh-user", "10.9.9.10", t0)).toEqual({ ok: true });
  });
});
