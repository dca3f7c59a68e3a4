import { zaloEventSignature } from "@/lib/zalo/signature";

/** Test OA credentials, installed through the same ZALO_* environment a deployment would use. */
export const TEST_OA = { appId: "360846524940903967", appSecret: "test-app-secret", oaId: "2491302944280861639", oaSecretKey: "test-oa-secret-key" };

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
  return { oa_id: TEST_OA.oaId, follower: { id: userId }, user_id_by_app: `app-${userId}`, event_name: eventName, source: "oa_profile", app_id: TEST_OA.appId, timestamp: String(timestamp + seq) };
}

/** A POST to the webhook signed the way Zalo signs (appId + raw body + timestamp + OA secret key). */
export function signedRequest(payload: unknown, opts: { secret?: string; rawBody?: string; signature?: string | null; url?: string } = {}): Request {
  const rawBody = opts.rawBody ?? JSON.stringify(payload);
  const timestamp = String((payload as { timestamp?: string }).timestamp ?? "");
  const signature = opts.signature === undefined ? zaloEventSignature(TEST_OA.appId, rawBody, timestamp, opts.secret ?? TEST_OA.oaSecretKey) : opts.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-zevent-signature"] = signature;
  return new Request(opts.url ?? "http://localhost/api/zalo/webhook", { method: "POST", headers, body: rawBody });
}
