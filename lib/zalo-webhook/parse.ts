// Zalo ids exceed 2^53 (zalo-api.md §1.1): bare integers of 16+ digits become strings before JSON.parse.
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|-?\d{16,}(?![.\deE])/g;

/** JSON.parse that keeps long numeric ids exact (as strings). Throws SyntaxError on malformed JSON. */
export function parseEventJson(raw: string): unknown {
  const safe = /\d{16}/.test(raw)
    ? raw.replace(STRING_OR_LONG_INTEGER, (m) => (m.startsWith('"') ? m : `"${m}"`))
    : raw;
  return JSON.parse(safe);
}

export interface EventEnvelope {
  eventName: string;
  senderId: string | null;
  recipientId: string | null;
  timestamp: string | null;
  msgId: string | null;
  dedupeKey: string;
}

type Obj = Record<string, unknown>;

function asObj(v: unknown): Obj | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null;
}

function idString(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * The fields every event shares. follow/unfollow name the user `follower` instead of `sender`.
 * Dedupe key: event name + message.msg_id (received and seen receipts share the outgoing msg_id),
 * otherwise event name + sender + timestamp.
 */
export function describeEvent(body: unknown): EventEnvelope | null {
  const o = asObj(body);
  if (!o) return null;
  const eventName = idString(o.event_name);
  if (!eventName) return null;
  const senderId = idString(asObj(o.sender)?.id) ?? idString(asObj(o.follower)?.id);
  const recipientId = idString(asObj(o.recipient)?.id) ?? idString(o.oa_id);
  const timestamp = idString(o.timestamp);
  const msgId = idString(asObj(o.message)?.msg_id);
  const dedupeKey = msgId ? `${eventName}:msg:${msgId}` : `${eventName}:${senderId ?? "-"}:${timestamp ?? "-"}`;
  return { eventName, senderId, recipientId, timestamp, msgId, dedupeKey };
}
