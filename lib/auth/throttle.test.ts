import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { LOCK_MINUTES, lockMinutesAfter, recordSignInFailure, recordSignInSuccess, signInGate } from "./throttle";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

describe("sign-in throttling", () => {
  it(
    "locks a user name after 5 failures from one address " + "only; the right password from another still gets in",
    async () => {
      const t0 = new Date("2026-03-02T02:00:00Z");
      for (let i = 1; i <= 4; i++)
        expect((await recordSignInFailure(h.db, "admin", "198.51.100.66", t0)).locked).toBe(false);
      expect(await signInGate(h.db, "admin", "198.51.100.66", t0)).toEqual({ ok: true });
      expect((await recordSignInFailure(h.db, "admin", "198.51.100.66", t0)).locked).toBe(true);
      expect(await signInGate(h.db, "ADMIN", "198.51.100.66", t0)).toEqual({ ok: false, reason: "locked" });
      expect(await signInGate(h.db, "admin", "10.0.0.2", t0)).toEqual({ ok: true });
      const later = new Date(t0.getTime() + (LOCK_MINUTES * 60 + 1) * 1000);
      expect(await signInGate(h.db, "admin", "198.51.100.66", later)).toEqual({ ok: true });
    },
  );

  it("makes each further failure after a lock wait twice as long (progressive delay)", async () => {
    expect([4, 5, 6, 7, 20].map(lockMinutesAfter)).toEqual([0, 15, 30, 60, 24 * 60]);
    let t = new Date("2026-03-02T05:00:00Z");
    for (let i = 0; i < 5; i++) await recordSignInFailure(h.db, "bob", "198.51.100.5", t);
    t = new Date(t.getTime() + 16 * 60_000);
    expect(await signInGate(h.db, "bob", "198.51.100.5", t)).toEqual({ ok: true });
    expect((await recordSignInFailure(h.db, "bob", "198.51.100.5", t)).locked).toBe(true);
    const in20 = new Date(t.getTime() + 20 * 60_000);
    expect(await signInGate(h.db, "bob", "198.51.100.5", in20)).toEqual({ ok: false, reason: "locked" });
    expect(await signInGate(h.db, "bob", "198.51.100.5", new Date(t.getTime() + 31 * 60_000))).toEqual({ ok: true });
  });

  it("a success clears the count", async () => {
    const t0 = new Date("2026-03-02T03:00:00Z");
    for (let i = 0; i < 4; i++) await recordSignInFailure(h.db, "alice", "10.0.1.1", t0);
    await recordSignInSuccess(h.db, "alice", "10.0.1.1");
    expect((await recordSignInFailure(h.db, "alice", "10.0.1.1", t0)).locked).toBe(false);
  });

  it("limits an IP that tries many user names", async () => {
    const t0 = new Date("2026-03-02T04:00:00Z");
    for (let i = 0; i < 30; i++) await recordSignInFailure(h.db, `user${i}`, "10.9.9.9", t0);
    expect(await signInGate(h.db, "fresh-user", "10.9.9.9", t0)).toEqual({ ok: false, reason: "ip_limited" });
    expect(await signInGate(h.db, "fresh-user", "10.9.9.10", t0)).toEqual({ ok: true });
  });
});
