import { zaloEventSignature } from "@/lib/zalo/signature";
import { simIdentity } from "./config";
import { type SimState, randomHex } from "./state";

export interface WebhookResult {
  event: string;
  status: number | null;
  error?: string;
}

/** Zalo's event timestamp: epoch milliseconds as a string. */
export function eventTimestamp(now = Date.now()): string {
  return String(now);
}

export function newMsgId(): string {
  return randomHex(10);
}

/**
 * Posts one event to the portal's webhook, signed like Zalo (app id + raw body + body timestamp + OA secret key).
 * The body is serialised once and sent byte for byte as signed.
 */
export async function postWebhookEvent(
  state: SimState,
  event: Record<string, unknown> & { event_name: string; timestamp: string },
): Promise<WebhookResult> {
  const { appId, oaSecretKey } = simIdentity();
  const raw = JSON.stringify({ app_id: appId, ...event });
  const result: WebhookResult = { event: event.event_name, status: null };
  try {
    const res = await fetch(state.settings.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-zevent-signature": zaloEventSignature(appId, raw, event.timestamp, oaSecretKey),
      },
      body: raw,
      signal: AbortSignal.timeout(10_000),
    });
    result.status = res.status;
    await res.arrayBuffer();
    if (!res.ok) result.error = `HTTP ${res.status}`;
  } catch (err) {
    result.error = (err as Error).message;
  }
  state.webhookLog.push({ at: Date.now(), event: event.event_name, status: result.status, error: result.error });
  if (state.webhookLog.length > 200) state.webhookLog.splice(0, state.webhookLog.length - 200);
  return result;
}
