import crypto from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { log } from "@/lib/log";
import { seedTestOrg } from "@/lib/testing";
import { storeTokenPair } from "@/lib/zalo/tokens";
import { processDueEvents } from "../process";
import { TEST_OA, type StubZalo, followEvent, startStubZalo, textEvent, useTestOaEnv } from "../testing";

const { conversationMessages: cm, conversations, zaloFollowers, zaloIncomingMessages, zaloWebhookEvents } = schema;
let h: DbHandle;
let zalo: StubZalo;
let seq = 0;
const T0 = Date.now() - 3600_000;

type Payload = ReturnType<typeof textEvent> | ReturnType<typeof followEvent> | Record<string, unknown>;

/** Stores events as the webhook would, each under a key of its own (a redelivery once the first key is gone). */
async function store(payloads: Payload[]) {
  const rows = payloads.map((p) => {
    const body = p as Record<string, unknown> & { sender?: { id: string }; follower?: { id: string } };
    return {
      dedupeKey: `batch-test-${++seq}`,
      eventName: String(body.event_name),
      senderId: body.sender?.id ?? body.follower?.id ?? null,
      recipientId: (body.recipient as { id?: string } | undefined)?.id ?? TEST_OA.oaId,
      zaloTimestamp: String(body.timestamp),
      payload: body,
    };
  });
  return h.db.insert(zaloWebhookEvents).values(rows).returning({ id: zaloWebhookEvents.id });
}

/** One claim for everything stored: the whole set is one batch. */
const processOneBatch = () => processDueEvents(h.db, "batch-test", { batchSize: 500 });

const text = (user: string, body: string, msgId: string, at: number) =>
  textEvent(user, body, { msgId, timestamp: T0 + at });

async function conversationsOf(user: string) {
  const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, user));
  const rows = await h.db.select().from(conversations).where(eq(conversations.followerId, f.id));
  const messages = rows.length
    ? await h.db
        .select()
        .from(cm)
        .where(
          inArray(
            cm.conversationId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(cm.id))
    : [];
  return { rows, messages };
}

async function statusOf(ids: { id: number }[]) {
  const rows = await h.db
    .select({ id: zaloWebhookEvents.id, status: zaloWebhookEvents.status, lastError: zaloWebhookEvents.lastError })
    .from(zaloWebhookEvents)
    .where(
      inArray(
        zaloWebhookEvents.id,
        ids.map((r) => r.id),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

beforeAll(async () => {
  useTestOaEnv();
  zalo = await startStubZalo();
  process.env.ZALO_OPENAPI_URL = zalo.url;
  h = await useTestDb();
  await seedTestOrg(h.db);
  await storeTokenPair(h.db, { accessToken: "stub-access-token", refreshToken: "r", expiresInSeconds: 90_000 });
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await h?.close();
  await zalo?.close();
});

describe("a batch of citizens' messages", () => {
  it("50 events of 10 followers: order per follower kept, duplicates collapsed, unread counts right", async () => {
    const users = Array.from({ length: 10 }, (_, u) => `batch-u${u}`);
    // One follower already has an open conversation with one unread message from an earlier batch.
    await store([text(users[0], "Câu hỏi trước", "b-early", 0)]);
    await processOneBatch();
    const events: Payload[] = [];
    for (let k = 0; k < 5; k++)
      for (const [u, user] of users.entries())
        events.push(text(user, `Câu hỏi ${k} của người ${u}`, `b-${u}-${k}`, 1000 + k * 100 + u));
    // Redeliveries: two inside the batch, one of the message processed earlier.
    events.push(text(users[3], "Câu hỏi 1 của người 3", "b-3-1", 1103));
    events.push(text(users[7], "Câu hỏi 4 của người 7", "b-7-4", 1407));
    events.push(text(users[0], "Câu hỏi trước", "b-early", 0));
    const ids = await store(events);
    const warn = vi.spyOn(log, "warn");
    expect(await processOneBatch()).toBe(53);
    expect(warn).not.toHaveBeenCalled();

    const states = await statusOf(ids);
    expect([...states.values()].every((s) => s.status === "done")).toBe(true);
    for (const [u, user] of users.entries()) {
      const { rows, messages } = await conversationsOf(user);
      expect(rows).toHaveLength(1);
      const expected = [0, 1, 2, 3, 4].map((k) => `Câu hỏi ${k} của người ${u}`);
      expect(messages.map((msg) => msg.text)).toEqual(u === 0 ? ["Câu hỏi trước", ...expected] : expected);
      expect(rows[0]).toMatchObject({ status: "open", unreadCount: u === 0 ? 6 : 5, category: "question" });
      expect(rows[0].waitingSince?.getTime()).toBe(messages[0].at.getTime());
      expect(rows[0].lastIncomingAt?.getTime()).toBe(messages.at(-1)!.at.getTime());
      expect(rows[0].searchText).toContain(`cau hoi 4 cua nguoi ${u}`);
    }
    const logged = await h.db
      .select({ msgId: zaloIncomingMessages.msgId })
      .from(zaloIncomingMessages)
      .where(inArray(zaloIncomingMessages.msgId, ["b-early", "b-3-1", "b-9-4"]));
    expect(logged).toHaveLength(3);
  });

  it("a poison event fails alone; the batch's other events are processed", async () => {
    const poisonId = crypto.randomBytes(6000).toString("hex");
    const ids = await store([
      text("poison-a", "Xin hỏi lệ phí", "p-a-1", 2000),
      text("poison-b", "Tin nhắn không lưu được", poisonId, 2001),
      text("poison-c", "Xin hỏi giờ làm việc", "p-c-1", 2002),
      text("poison-a", "Và thời hạn giải quyết", "p-a-2", 2003),
    ]);
    const warn = vi.spyOn(log, "warn");
    await processOneBatch();
    expect(warn).toHaveBeenCalledWith(expect.anything(), "zalo event batch processed one by one");
    const states = await statusOf(ids);
    expect(ids.map((r) => states.get(r.id)!.status)).toEqual(["done", "pending", "done", "done"]);
    expect(states.get(ids[1].id)!.lastError).toBeTruthy();
    expect((await conversationsOf("poison-a")).messages.map((msg) => msg.zaloMsgId)).toEqual(["p-a-1", "p-a-2"]);
    expect((await conversationsOf("poison-c")).rows[0].unreadCount).toBe(1);
  });

  it("keeps every guarantee beside the fast path: follows, look-ups, commands, petitions, echoes, reopen", async () => {
    await store([text("mix-reopen", "Hỏi lần đầu", "m-r-1", 3000)]);
    await processOneBatch();
    const first = (await conversationsOf("mix-reopen")).rows[0];
    const resolvedAt = new Date(T0 + 3500);
    await h.db
      .update(conversations)
      .set({ status: "resolved", resolvedAt, unreadCount: 0 })
      .where(eq(conversations.id, first.id));

    const ids = await store([
      followEvent("mix-follow", "follow", T0 + 4000),
      text("mix-follow", "Cho tôi hỏi thủ tục", "m-f-1", 4001),
      text("mix-lookup", "H27.37-240219-9999", "m-l-1", 4002),
      text("mix-pakn", "#PAKN Đèn đường tổ 5 bị hỏng", "m-p-1", 4003),
      text("mix-reopen", "Tôi hỏi thêm", "m-r-2", 4004),
      text("mix-echo", "Tôi hỏi trước", "m-e-1", 4005),
      {
        app_id: TEST_OA.appId,
        event_name: "oa_send_text",
        timestamp: String(T0 + 4006),
        sender: { id: TEST_OA.oaId },
        recipient: { id: "mix-echo" },
        message: { msg_id: "m-e-2", text: "Cán bộ trả lời" },
      },
      text("mix-echo", "Cảm ơn, tôi hỏi tiếp", "m-e-3", 4007),
      text("mix-plain", "Một câu hỏi bình thường", "m-n-1", 4008),
      text("mix-privacy", "HUY THONG BAO", "m-x-1", 4009),
      text("mix-privacy", "XN 123456", "m-x-2", 4010),
    ]);
    await processOneBatch();
    const states = await statusOf(ids);
    expect([...states.values()].filter((s) => s.status !== "done" && s.status !== "ignored")).toEqual([]);

    const [follower] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "mix-follow"));
    expect(follower.following).toBe(true);
    expect((await conversationsOf("mix-follow")).messages.map((msg) => msg.zaloMsgId)).toEqual(["m-f-1"]);
    expect((await conversationsOf("mix-lookup")).rows).toHaveLength(0);
    expect((await conversationsOf("mix-pakn")).rows[0]).toMatchObject({ category: "report" });
    expect((await conversationsOf("mix-pakn")).rows[0].referenceNumber).toMatch(/^PAKN-/);

    const reopened = await conversationsOf("mix-reopen");
    expect(reopened.rows).toHaveLength(1);
    expect(reopened.rows[0]).toMatchObject({ id: first.id, status: "open", unreadCount: 1, resolvedAt: null });
    expect(reopened.messages.map((msg) => msg.zaloMsgId)).toEqual(["m-r-1", "m-r-2"]);

    // The citizen wrote after the echo: the conversation waits for staff again.
    const echoed = await conversationsOf("mix-echo");
    expect(echoed.messages.map((msg) => msg.zaloMsgId)).toEqual(["m-e-1", "m-e-2", "m-e-3"]);
    expect(echoed.rows[0].status).toBe("open");
    expect(echoed.rows[0].waitingSince?.getTime()).toBe(T0 + 4007);
    expect((await conversationsOf("mix-plain")).rows[0].unreadCount).toBe(1);
    // Personal-data commands are answered by the one by one path and never reach the inbox.
    expect((await conversationsOf("mix-privacy")).rows).toHaveLength(0);
  });
});
