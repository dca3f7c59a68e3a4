import { zaloEventSignature } from "@/lib/zalo/signature";

/** Test OA credentials, installed through the same ZALO_* environment a deployment would use. */
export const TEST_OA = {
  appId: "360846524940903967",
  appSecret: "test-app-secret",
  oaId: "2491302944280861639",
  oaSecretKey: "test-oa-secret-key",
};

export function useTestOaEnv(): void {
  process.env.ZALO_APP_ID = TEST_OA.appId;
  process.env.ZALO_APP_SECRET = TEST_OA.appSecret;
  process.env.ZALO_OA_ID = TEST_OA.oaId;
  process.env.ZALO_OA_SECRET_KEY = TEST_OA.oaSecretKey;
}

let seq = 0;

/** A user_send_text event as Zalo sends it (ids and timestamp as strings). */
export function textEvent(userId: string, text: string, opts: { msgId?: string; timestamp?: number } = {}) {
  seq += 1;
  return {
    app_id: TEST_OA.appId,
    user_id_by_app: `app-${userId}`,
    event_name: "user_send_text",
    timestamp: String(opts.timestamp ?? Date.now() + seq),
    sender: { id: userId },
    recipient: { id: TEST_OA.oaId },
    message: { msg_id: opts.msgId ?? `msg-${Date.now()}-${seq}`, text },
  };
}

export function followEvent(userId: string, eventName: "follow" | "unfollow" = "follow", timestamp = Date.now()) {
  seq += 1;
  return {
    oa_id: TEST_OA.oaId,
    follower: { id: userId },
    user_id_by_app: `app-${userId}`,
    event_name: eventName,
    source: "oa_profile",
    app_id: TEST_OA.appId,
    timestamp: String(timestamp + seq),
  };
}

/** A POST to the webhook signed the way Zalo signs (appId + raw body + timestamp + OA secret key). */
export function signedRequest(
  payload: unknown,
  opts: { secret?: string; rawBody?: string; signature?: string | null; url?: string } = {},
): Request {
  const rawBody = opts.rawBody ?? JSON.stringify(payload);
  const timestamp = String((payload as { timestamp?: string }).timestamp ?? "");
  const signature =
    opts.signature === undefined
      ? zaloEventSignature(TEST_OA.appId, rawBody, timestamp, opts.secret ?? TEST_OA.oaSecretKey)
      : opts.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-zevent-signature"] = signature;
  return new Request(opts.url ?? "http://localhost/api/zalo/webhook", { method: "POST", headers, body: rawBody });
}

export interface StubZalo {
  url: string;
  /** Consultation messages the OA sent, in order. */
  sent: { userId: string; text: string }[];
  /** The next `n` consultation sends answer Zalo error `code`. */
  failNext(n: number, code: number): void;
  displayNames: Map<string, string>;
  close(): Promise<void>;
}

/** A local HTTP server standing in for openapi.zalo.me: consultation sends and user detail, with Zalo's envelope. */
export async function startStubZalo(): Promise<StubZalo> {
  const http = await import("node:http");
  const sent: StubZalo["sent"] = [];
  const displayNames = new Map<string, string>();
  let failures: { left: number; code: number } = { left: 0, code: 0 };
  let seqId = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://stub");
    const reply = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers["access_token"] !== "stub-access-token")
      return reply({ error: -216, message: "Access token is invalid" });
    if (req.method === "POST" && url.pathname === "/v3.0/oa/message/cs") {
      if (failures.left > 0) {
        failures.left -= 1;
        return reply({ error: failures.code, message: "stub failure" });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      sent.push({ userId: body.recipient.user_id, text: body.message.text });
      return reply({
        error: 0,
        message: "Success",
        data: { message_id: `stub-${++seqId}`, user_id: body.recipient.user_id },
      });
    }
    if (req.method === "GET" && url.pathname === "/v3.0/oa/user/detail") {
      const { user_id } = JSON.parse(url.searchParams.get("data") ?? "{}");
      const name = displayNames.get(user_id);
      return reply(
        name
          ? { error: 0, message: "Success", data: { user_id, display_name: name, user_is_follower: true } }
          : { error: -213, message: "User has not followed OA" },
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    displayNames,
    failNext: (n, code) => {
      failures = { left: n, code };
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
