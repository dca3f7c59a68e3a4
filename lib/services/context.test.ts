import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, cannedAnswers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { saveCannedAnswer } from "@/lib/conversations/save-canned";
import { seedTestOrg } from "@/lib/testing";
import { dbOf, withTransaction } from "./context";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h?.close());

describe("withTransaction", () => {
  it("opens a transaction on ctx.db and hands the verbs it calls the same one", async () => {
    const ctx = { ...org.admin, db: h.db };
    expect(dbOf(ctx)).toBe(h.db);
    await withTransaction(ctx, async (outer, tx) => {
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
    const err = await withTransaction({ ...org.admin, db: h.db }, async (ctx) => {
      await saveCannedAnswer(ctx, { title, body: "Kính gửi {ten}.", unitId: "" });
      expect(await ctx.db.select().from(cannedAnswers).where(eq(cannedAnswers.title, title))).toHaveLength(1);
      throw new Error("the outer verb fails after the inner one");
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("the outer verb fails after the inner one");
    expect(await h.db.select().from(cannedAnswers).where(eq(cannedAnswers.title, title))).toEqual([]);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, "canned.create"))).toEqual([]);
  });
});
