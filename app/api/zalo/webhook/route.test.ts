import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { zaloWebhookEvents } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { signedRequest, TEST_OA, textEvent, useTestOaEnv } from "@/lib/zalo-webhook/testing";
import { zaloEventSignature } from "@/lib/zalo/signature";
import { POST } from "./route";

let h: DbHandle;

beforeAll(async () => {
  useTestOaEnv();
  h = await useTestDb();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.delete(zaloWebhookEvents);
});

async function storedCount() {
  const [{ n }] = await h.db.select({ n: count() }).from(zaloWebhookEvents);
  return n;
}

describe("POST /api/zalo/webhook", () => {
  it("accepts a correctly signed event, stores it pending and answers 200", async () => {
    const event = textEvent("8123", "H27.37-240219-1001", { msgId: "m-valid" });
    const res = await POST(signedRequest(event));
    expect(res.status).toBe(200);
    const rows = await h.db.select().from(zaloWebhookEvents);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      eventName: "user_send_text",
      senderId: "8123",
      recipientId: TEST_OA.oaId,
      status: "pending",
      dedupeKey: "user_send_text:msg:m-valid",
    });
    expect(rows[0].payload).toEqual(event);
  });

  it("rejects a body with one byte flipped after signing, storing nothing", async () => {
    const event = textEvent("8123", "xin chào");
    const raw = JSON.stringify(event);
    const signature = zaloEventSignature(TEST_OA.appId, raw, event.timestamp, TEST_OA.oaSecretKey);
    const flipped = raw.replace("xin", "xim");
    const res = await POST(signedRequest(event, { rawBody: flipped, signature }));
    expect(res.status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("rejects an event signed with another secret", async () => {
    const res = await POST(signedRequest(textEvent("8123", "a"), { secret: "not-the-oa-secret" }));
    expect(res.status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("rejects an event without X-ZEvent-Signature", async () => {
    const res = await POST(signedRequest(textEvent("8123", "a"), { signature: null }));
    expect(res.status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("rejects an event whose body timestamp was changed after signing", async () => {
    const event = textEvent("8123", "a");
    const signature = zaloEventSignature(TEST_OA.appId, JSON.stringify(event), event.timestamp, TEST_OA.oaSecretKey);
    const tampered = { ...event, timestamp: String(Number(event.timestamp) + 1) };
    const res = await POST(signedRequest(tampered, { signature }));
    expect(res.status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("answers 413 to a body over 256 kB, whether or not Content-Length says so", async () => {
    const event = textEvent("8123", "x".repeat(300 * 1024));
    expect((await POST(signedRequest(event))).status).toBe(413);
    const raw = JSON.stringify(event);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(raw));
        c.close();
      },
    });
    const chunked = new Request("http://localhost/api/zalo/webhook", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect((await POST(chunked)).status).toBe(413);
    expect(await storedCount()).toBe(0);
  });

  it("answers 400 to malformed JSON", async () => {
    const res = await POST(signedRequest({ timestamp: "1" }, { rawBody: '{"event_name": "user_send_text",' }));
    expect(res.status).toBe(400);
    expect(await storedCount()).toBe(0);
  });

  it("keeps long numeric ids exact", async () => {
    const now = String(Date.now());
    const raw =
      `{"app_id":"${TEST_OA.appId}","event_name":"user_send_text","timestamp":"${now}",` +
      `"sender":{"id":2468458835296197922},"recipient":{"id":"1"},"message":{"msg_id":"long-id","text":"hi"}}`;
    const res = await POST(signedRequest({ timestamp: now }, { rawBody: raw }));
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(zaloWebhookEvents);
    expect(row.senderId).toBe("2468458835296197922");
  });

  it("refuses a validly signed event replayed outside the freshness window", async () => {
    const old = textEvent("8123", "replayed", { msgId: "m-old", timestamp: Date.now() - 16 * 60_000 });
    const res = await POST(signedRequest(old));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "stale event" });
    const future = textEvent("8123", "from the future", { msgId: "m-future", timestamp: Date.now() + 16 * 60_000 });
    expect((await POST(signedRequest(future))).status).toBe(400);
    expect(await storedCount()).toBe(0);
  });

  it("stores a redelivered event once", async () => {
    const event = textEvent("8123", "a", { msgId: "m-twice" });
    expect((await POST(signedRequest(event))).status).toBe(200);
    expect((await POST(signedRequest(event))).status).toBe(200);
    expect(await storedCount()).toBe(1);
  });

  it("stores 100 concurrent deliveries of one event as one row", async () => {
    const event = textEvent("8123", "a", { msgId: "m-concurrent" });
    const responses = await Promise.all(Array.from({ length: 100 }, () => POST(signedRequest(event))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const rows = await h.db
      .select()
      .from(zaloWebhookEvents)
      .where(eq(zaloWebhookEvents.dedupeKey, "user_send_text:msg:m-concurrent"));
    expect(rows).toHaveLength(1);
    expect(await storedCount()).toBe(1);
  });
});
