import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  conversationMessages,
  conversations,
  zaloFollowers,
  zaloIncomingMessages,
  zaloWebhookEvents,
} from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { PURGED_PAYLOAD, purgeExpiredPersonalData } from "./retention";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());
afterEach(() => vi.unstubAllEnvs());

describe("retention of personal data", () => {
  it("purges webhook payloads and message bodies past PERSONAL_DATA_RETENTION_DAYS, keeps newer ones", async () => {
    vi.stubEnv("PERSONAL_DATA_RETENTION_DAYS", "90");
    const now = new Date("2026-06-01T00:00:00Z");
    const old = new Date("2026-02-01T00:00:00Z");
    const recent = new Date("2026-05-20T00:00:00Z");
    const secret = { message: { text: "CCCD của tôi là 042095001234" } };
    await h.db.insert(zaloWebhookEvents).values([
      { dedupeKey: "old", eventName: "user_send_text", payload: secret, receivedAt: old, status: "done" },
      { dedupeKey: "old-pending", eventName: "user_send_text", payload: secret, receivedAt: old, status: "pending" },
      { dedupeKey: "recent", eventName: "user_send_text", payload: secret, receivedAt: recent, status: "done" },
    ]);
    const [f] = await h.db.insert(zaloFollowers).values({ oaUserId: "u-retention" }).returning();
    await h.db.insert(zaloIncomingMessages).values([
      {
        followerId: f.id,
        msgId: "m-old",
        eventName: "user_send_text",
        text: "địa chỉ nhà tôi",
        kind: "other",
        receivedAt: old,
      },
      {
        followerId: f.id,
        msgId: "m-recent",
        eventName: "user_send_text",
        text: "hôm nay",
        kind: "other",
        receivedAt: recent,
      },
    ]);

    expect(await purgeExpiredPersonalData(h.db, now)).toBe(2);
    const events = Object.fromEntries(
      (await h.db.select().from(zaloWebhookEvents)).map((e) => [e.dedupeKey, e.payload]),
    );
    expect(events).toEqual({ old: PURGED_PAYLOAD, "old-pending": secret, recent: secret });
    const [oldMsg] = await h.db.select().from(zaloIncomingMessages).where(eq(zaloIncomingMessages.msgId, "m-old"));
    const [newMsg] = await h.db.select().from(zaloIncomingMessages).where(eq(zaloIncomingMessages.msgId, "m-recent"));
    expect(oldMsg.text).toBeNull();
    expect(newMsg.text).toBe("hôm nay");
    expect(await purgeExpiredPersonalData(h.db, now)).toBe(0);
  });

  it("blanks old conversation messages both ways, their subject and search words, keeping the rows", async () => {
    vi.stubEnv("PERSONAL_DATA_RETENTION_DAYS", "30");
    const now = new Date("2026-06-01T00:00:00Z");
    const old = new Date("2026-03-01T00:00:00Z");
    const org = await seedTestOrg(h.db);
    const [f] = await h.db.insert(zaloFollowers).values({ oaUserId: "u-retention-chat" }).returning();
    const [c] = await h.db
      .insert(conversations)
      .values({
        followerId: f.id,
        unitId: org.unitIds.center,
        subject: "Nhà tôi ở 5 Trần Phú",
        searchText: "nha toi o 5 tran phu",
        lastMessageAt: old,
      })
      .returning();
    await h.db.insert(conversationMessages).values([
      { conversationId: c.id, direction: "in", source: "citizen", text: "Nhà tôi ở 5 Trần Phú", at: old },
      {
        conversationId: c.id,
        direction: "out",
        source: "portal",
        text: "Đã nhận địa chỉ 5 Trần Phú",
        templateParams: { answer: "5 Trần Phú" },
        status: "sent",
        at: old,
      },
    ]);
    await purgeExpiredPersonalData(h.db, now);
    const rows = await h.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, c.id));
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain("Trần Phú");
    const [conv] = await h.db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(JSON.stringify(conv)).not.toMatch(/tr[aầ]n ph[uú]/i);
  });
});
