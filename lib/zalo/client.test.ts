import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { zaloSettings, zaloTokens } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { zaloClient } from "./client";
import { encryptSecret } from "./crypto";
import { ZaloApiError } from "./errors";

// A stub Zalo answering from a script, to drive the client through every envelope and failure.
type Reply = { status?: number; body?: string; hangMs?: number };
let replies: Reply[] = [];
let seen: { path: string; token: string | undefined; body: string }[] = [];
let oauthCalls = 0;
let server: http.Server;
let h: DbHandle;

beforeAll(async () => {
  h = await useTestDb();
  server = http.createServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += c;
    // A request its client already gave up on (the timeout test, read late on a loaded machine) must not
    // take the reply meant for the next test.
    if (req.socket.destroyed) return;
    if (req.url?.startsWith("/oauth/")) {
      oauthCalls++;
      res.end(
        JSON.stringify({
          access_token: `renewed-${oauthCalls}`,
          refresh_token: `rt-${oauthCalls}`,
          expires_in: "90000",
        }),
      );
      return;
    }
    seen.push({ path: req.url ?? "", token: req.headers.access_token as string | undefined, body });
    const r = replies.shift() ?? { body: JSON.stringify({ error: 0, message: "Success", data: { message_id: "m1" } }) };
    if (r.hangMs) await new Promise((resolve) => setTimeout(resolve, r.hangMs));
    res.writeHead(r.status ?? 200, { "content-type": "application/json" });
    res.end(r.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    ZALO_OAUTH_URL: `${base}/oauth`,
    ZALO_OPENAPI_URL: `${base}/openapi`,
    ZALO_BUSINESS_URL: `${base}/business`,
  });
  await h.db.insert(zaloSettings).values({
    appId: "app-1",
    appSecretEnc: encryptSecret("app-secret"),
    oaId: "oa-1",
    oaSecretKeyEnc: encryptSecret("oa-secret"),
  });
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await h.close();
});
beforeEach(async () => {
  replies = [];
  seen = [];
  oauthCalls = 0;
  await h.db.delete(zaloTokens);
  await h.db.insert(zaloTokens).values({
    accessTokenEnc: encryptSecret("current-token"),
    refreshTokenEnc: encryptSecret("rt-0"),
    accessTokenExpiresAt: new Date(Date.now() + 20 * 3600_000),
    refreshedAt: new Date(Date.now() - 3600_000),
    state: "ok",
  });
});

const envelope = (error: number, message = "x") => ({ body: JSON.stringify({ error, message }) });
const send = (timeoutMs?: number) =>
  zaloClient(h.db, { timeoutMs }).sendConsultationText("2468458835296197922", "Xin chào");
const failure = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as ZaloApiError);

describe("Zalo client", () => {
  it("sends the token in the access_token header, ids as strings, JSON body", async () => {
    replies = [
      {
        body:
          '{"error":0,"message":"Success",' +
          '"data":{"message_id":"63ecf43f0df7dba892e6","user_id":2468458835296197922}}',
      },
    ];
    expect(await send()).toEqual({ messageId: "63ecf43f0df7dba892e6" });
    expect(seen[0].path).toBe("/openapi/v3.0/oa/message/cs");
    expect(seen[0].token).toBe("current-token");
    expect(JSON.parse(seen[0].body)).toEqual({
      recipient: { user_id: "2468458835296197922" },
      message: { text: "Xin chào" },
    });
  });

  it("an error inside HTTP 200 becomes a typed error: permanent, quota, night ban", async () => {
    replies = [envelope(-213), envelope(-144), envelope(-234)];
    expect(await failure(send())).toMatchObject({ kind: "permanent", code: -213, httpStatus: 200 });
    expect(await failure(send())).toMatchObject({ kind: "quota", code: -144 });
    const night = await failure(send());
    expect(night).toMatchObject({ kind: "night_ban", code: -234 });
    expect(night?.retryAt).toBeInstanceOf(Date);
    expect(seen.length).toBe(3);
  });

  it("rate limit, unknown error, 5xx and 429 are retryable and not retried inside the client", async () => {
    replies = [envelope(-32), envelope(-100), { status: 503, body: "busy" }, { status: 429, body: "" }];
    for (const code of [-32, -100]) expect(await failure(send())).toMatchObject({ kind: "retryable", code });
    expect(await failure(send())).toMatchObject({ kind: "retryable", code: null, httpStatus: 503 });
    expect(await failure(send())).toMatchObject({ kind: "retryable", httpStatus: 429 });
    expect(seen.length).toBe(4);
  });

  it("a timeout is retryable", async () => {
    replies = [{ hangMs: 500 }];
    const err = await failure(send(100));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ kind: "retryable", code: null, httpStatus: null });
  });

  it("a network failure is retryable", async () => {
    const saved = process.env.ZALO_OPENAPI_URL;
    process.env.ZALO_OPENAPI_URL = "http://127.0.0.1:9/openapi";
    try {
      expect(await failure(send())).toMatchObject({ kind: "retryable", code: null });
    } finally {
      process.env.ZALO_OPENAPI_URL = saved;
    }
  });

  it("a token error refreshes once and retries once with the new token", async () => {
    replies = [envelope(-216)];
    expect(await send()).toEqual({ messageId: "m1" });
    expect(oauthCalls).toBe(1);
    expect(seen.map((s) => s.token)).toEqual(["current-token", "renewed-1"]);
  });

  it("a token error again after the refresh is given up as kind token (no loop)", async () => {
    replies = [envelope(-220), envelope(-124)];
    expect(await failure(send())).toMatchObject({ kind: "token", code: -124 });
    expect(oauthCalls).toBe(1);
    expect(seen.length).toBe(2);
  });

  it("template by phone: business host, body keys, msg_id and quota", async () => {
    replies = [
      {
        body: JSON.stringify({
          error: 0,
          message: "Success",
          data: { msg_id: "a4d0", sent_time: "1626926349402", quota: { dailyQuota: "500", remainingQuota: "499" } },
        }),
      },
    ];
    const sent = await zaloClient(h.db).sendTemplateByPhone({
      phone: "84912345678",
      templateId: "310001",
      templateData: { a: "1" },
      trackingId: "t1",
      mode: "development",
    });
    expect(sent).toEqual({ msgId: "a4d0", sentTime: "1626926349402", quota: { dailyQuota: 500, remainingQuota: 499 } });
    expect(seen[0].path).toBe("/business/message/template");
    expect(JSON.parse(seen[0].body)).toEqual({
      phone: "84912345678",
      template_id: "310001",
      template_data: { a: "1" },
      tracking_id: "t1",
      mode: "development",
    });
  });

  it("GET calls pass one JSON object in the data parameter", async () => {
    replies = [{ body: '{"error":0,"data":{"total":1,"users":[{"user_id":1234567890123456789}]}}' }];
    const list = await zaloClient(h.db).listFollowers(0, 80);
    expect(list.users[0].userId).toBe("1234567890123456789");
    const url = new URL(seen[0].path, "http://x");
    expect(url.pathname).toBe("/openapi/v3.0/oa/user/getlist");
    expect(JSON.parse(url.searchParams.get("data")!)).toEqual({ offset: 0, count: 50, is_follower: true });
  });
});
