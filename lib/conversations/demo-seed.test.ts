import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { conversationMessages, conversations } from "@/db/schema";
import { seedDemoConversations } from "@/lib/seed/conversations";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
  await seedTestOrg(h.db);
});
afterAll(async () => h?.close());

describe("demo conversations", () => {
  it("cover every state once, however often the seed runs", async () => {
    await seedDemoConversations(h.db);
    await seedDemoConversations(h.db);
    const rows = await h.db.select().from(conversations);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["open", "pending", "resolved"]));
    expect(rows.some((r) => r.referenceNumber && r.dueAt && r.dueAt < new Date())).toBe(true);
    expect(rows.some((r) => r.unreadCount > 0)).toBe(true);
    const messages = await h.db.select().from(conversationMessages);
    expect(messages.some((m) => m.status === "failed_permanent" && m.lastError)).toBe(true);
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(["text", "image", "sticker"]));
    expect(messages.some((m) => m.direction === "note")).toBe(true);
  });
});
