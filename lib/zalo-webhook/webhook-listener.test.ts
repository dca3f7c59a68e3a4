import type http from "node:http";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { zaloWebhookEvents } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { signedRequest, textEvent, useTestOaEnv } from "./testing";
import { WEBHOOK_PATH, listen, webhookListener } from "./webhook-listener";

let h: DbHandle;
let server: http.Server;
let base: string;

beforeAll(async () => {
  useTestOaEnv();
  h = await useTestDb();
  server = webhookListener();
  base = await listen(server, 0, "127.0.0.1");
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await h.close();
});
beforeEach(async () => {
  await h.db.delete(zaloWebhookEvents);
});

const stored = async () => (await h.db.select({ n: count() }).from(zaloWebhookEvents))[0].n;

/** Sends what signedRequest would, over real HTTP to the listener. */
async function deliver(payload: unknown, opts: Parameters<typeof signedRequest>[1] = {}, path = WEBHOOK_PATH) {
  const req = signedRequest(payload, opts);
  const res = await fetch(`${base}${path}`, { method: "POST", headers: req.headers, body: await req.text() });
  return { status: res.status, json: (await res.json()) as { ok?: boolean; duplicate?: boolean; error?: string } };
}

describe("webhook listener (npm run webhook)", () => {
  it("stores a signed event and answers 200; refuses a bad signature with 401 and stores nothing", async () => {
    expect(await deliver(textEvent("8123", "H27.37-240219-1001", { msgId: "l-ok" }))).toEqual({
      status: 200,
      json: { ok: true, duplicate: false },
    });
    expect((await deliver(textEvent("8123", "a"), { secret: "not-the-oa-secret" })).status).toBe(401);
    expect((await deliver(textEvent("8123", "a"), { signature: null })).status).toBe(401);
    expect(await stored()).toBe(1);
  });

  it("answers 400 to malformed JSON, 413 past 256 kB, 404 elsewhere and 405 to other methods", async () => {
    expect((await deliver({}, { rawBody: "{not json", signature: "mac=00" })).status).toBe(400);
    const big = textEvent("8123", "x".repeat(300 * 1024));
    expect((await deliver(big)).status).toBe(413);
    expect((await deliver(textEvent("8123", "a"), {}, "/api/other")).status).toBe(404);
    expect((await fetch(`${base}${WEBHOOK_PATH}`)).status).toBe(405);
    expect(await stored()).toBe(0);
  });

  it("100 concurrent deliveries of one event: one row, one answer says new, the rest duplicate", async () => {
    const event = textEvent("8123", "a", { msgId: "l-dup" });
    const answers = await Promise.all(Array.from({ length: 100 }, () => deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    expect(await stored()).toBe(1);
  });

  it("concurrent distinct events are all stored (written together, answered each)", async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => deliver(textEvent(`9${i}`, "b", { msgId: `l-many-${i}` }))),
    );
    expect(answers.every((a) => a.status === 200 && a.json.duplicate === false)).toBe(true);
    expect(await stored()).toBe(60);
  });
});
