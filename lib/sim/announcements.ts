import { scheduleDeliveryStatus } from "./citizen";
import { dataParam, json, readJson, zaloFail, zaloOk } from "./respond";
import { type SimState, newCitizen, randomHex } from "./state";

/** The ZBS template (by user id) the simulator accepts for announcements to followers beyond the 48 h window. */
const SIM_ANNOUNCEMENT_TEMPLATE_ID = "sim_tin_tuyen_truyen";
const ANNOUNCEMENT_PARAMS = ["title", "summary", "url"];

/** POST /v3.0/oa/message/template — ZBS template message to a follower by user id (zalo-api.md §11). */
async function templateByUserId(state: SimState, req: Request): Promise<Response> {
  const body = await readJson(req);
  const userId = typeof body?.user_id === "string" ? body.user_id : "";
  const citizen = state.citizens.get(userId);
  if (!citizen) return zaloFail(-201, "user_id is invalid");
  if (body?.template_id !== SIM_ANNOUNCEMENT_TEMPLATE_ID)
    return zaloFail(-249, "Template does not support sending via user id");
  const data = (body?.template_data ?? {}) as Record<string, unknown>;
  const missing = ANNOUNCEMENT_PARAMS.filter((p) => typeof data[p] !== "string" || !data[p]);
  if (missing.length) return zaloFail(-112, `Template data is invalid: missing ${missing.join(", ")}`);
  if (!citizen.isFollower) return zaloFail(-213, "User has not followed OA");
  if (state.faults.nightBan) return zaloFail(-234, "This message type cannot be sent at night");
  const msgId = randomHex(10);
  citizen.chat.push({
    id: msgId,
    at: Date.now(),
    direction: "oa",
    kind: "template",
    text: `${data.title}\n${data.summary}\n${data.url}`,
    templateId: SIM_ANNOUNCEMENT_TEMPLATE_ID,
  });
  state.counters.acceptedSends++;
  scheduleDeliveryStatus(state, citizen, msgId, undefined);
  return zaloOk({ msg_id: msgId, message_id: msgId, sent_time: String(Date.now()) });
}

/** GET /v2.0/oa/conversation — the latest messages between the OA and one user, newest first (src 0 = OA). */
function conversation(state: SimState, url: URL): Response {
  const q = dataParam(url);
  const citizen = state.citizens.get(String(q?.user_id ?? ""));
  if (!citizen) return zaloFail(-201, "user_id is invalid");
  const offset = Number(q?.offset ?? 0);
  const count = Math.min(10, Number(q?.count ?? 10));
  const messages = [...citizen.chat]
    .reverse()
    .filter((m) => m.kind !== "event")
    .slice(offset, offset + count)
    .map((m) => ({ message_id: m.id, src: m.direction === "oa" ? 0 : 1, time: m.at, type: "text", message: m.text }));
  return zaloOk(messages);
}

export function announcementApiRoutes(
  state: SimState,
  req: Request,
  url: URL,
): Record<string, () => Promise<Response> | Response> {
  return {
    "POST openapi/v3.0/oa/message/template": () => templateByUserId(state, req),
    "GET openapi/v2.0/oa/conversation": () => conversation(state, url),
  };
}

/**
 * POST /_control/followers {count, prefix?, tags?: string[][], interactedHoursAgo?: number[]}: many following
 * citizens at once (demo and tests); citizen i gets tags[i % n] and interactedHoursAgo[i % n].
 */
export async function bulkFollowers(state: SimState, req: Request): Promise<Response> {
  const body = (await readJson(req)) ?? {};
  const count = Math.min(Number(body.count) || 0, 200_000);
  const prefix = typeof body.prefix === "string" && /^84\d{1,4}$/.test(body.prefix) ? body.prefix : "8490";
  const tags = Array.isArray(body.tags)
    ? (body.tags as unknown[]).map((t) => (Array.isArray(t) ? t.map(String) : []))
    : [];
  const hours = Array.isArray(body.interactedHoursAgo) ? (body.interactedHoursAgo as unknown[]).map(Number) : [];
  const names = Array.isArray(body.names) ? (body.names as unknown[]).map(String) : [];
  const now = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const phone = prefix + String(i).padStart(11 - prefix.length, "0");
    const c = newCitizen(phone, names.length ? names[i % names.length] : `Người quan tâm ${i + 1}`, true);
    if (tags.length) c.tags = new Set(tags[i % tags.length]);
    if (hours.length) c.lastInteractionAt = now - hours[i % hours.length] * 3600_000;
    state.citizens.set(c.userId, c);
    ids.push(c.userId);
  }
  return json({ created: ids.length, userIds: ids.slice(0, 1000) });
}
