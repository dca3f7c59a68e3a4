import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, cannedAnswers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import type { Ctx } from "@/lib/auth/actor";
import { saveCannedAnswer } from "@/lib/conversations/save-canned";
import { seedTestOrg } from "@/lib/testing";
import { dbOf, withTransaction } from "./context";

let h: DbHandle;
/** An administrator whose verbs run on the test database. */
let admin: Ctx;

beforeAll(async () => {
  h = await useTestDb();
  admin = { ...(await seedTestOrg(h.db)).admin, db: h.db };
});
afterAll(() => h?.close());

describe("withTransaction", () => {
  it("opens a transaction on ctx.db and hands the verbs it calls the same one", async () => {
    expect(dbOf(admin)).toBe(h.db);
    await withTransaction(admin, async (outer, tx) => {
      expect(tx).not.toBe(h.db);
      expect(outer.db).toBe(tx);
      expect(dbOf(outer)).toBe(tx);
      await withTransaction(outer, async (inner, innerTx) => {
        expect(innerTx).toBe(tx);
        expect(inner.db).toBe(tx);
      });
    });
  });

  it("a verb called inside another's transaction joins it: one failure undoes both", async () => {
    const title = "Mẫu trong giao dịch bị hủy";
    const err = await withTransaction(admin, async (ctx) => {
      await saveCannedAnswer(ctx, { title, body: "Kính gửi {ten}.", unitId: "" });
      expect(await ctx.db.select().from(cannedAnswers).where(eq(cannedAnswers.title, title))).toHaveLength(1);
      throw new Error("the outer verb fails after the inner one");
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("the outer verb fails after the inner one");
    expect(await h.db.select().from(cannedAnswers).where(eq(cannedAnswers.title, title))).toEqual([]);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, "canned.create"))).toEqual([]);
  });
});
