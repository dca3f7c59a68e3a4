import { announcementApiRoutes } from "./announcements";
import { simIdentity } from "./config";
import { echoOaMessage, scheduleDeliveryStatus } from "./citizen";
import { dataParam, readJson, sleep, zaloFail, zaloOk } from "./respond";
import { type SimCitizen, type SimSend, type SimState, citizenByPhone, newCitizen, randomHex } from "./state";
import { renderSimTemplate } from "./templates";
import { checkAccessToken } from "./tokens";

const str = (v: unknown): string | null =>
  typeof v === "string" && v.length > 0 ? v : typeof v === "number" ? String(v) : null;

function requireToken(state: SimState, req: Request): Response | null {
  const verdict = checkAccessToken(state, req.headers.get("access_token"));
  if (verdict === "ok") return null;
  return zaloFail(-216, verdict === "missing" ? "access_token is required" : "Access token is invalid");
}

/**
 * Since 1/1/2026 (zalo-api.md §6.4): free within 48 h of the last interaction, billable from 48 h to 7 days,
 * refused after. Exactly 48 h is billable and exactly 7 days refused, as the portal counts.
 */
function consultationBilling(state: SimState, c: SimCitizen, now = Date.now()): "free" | "paid" | null {
  if (c.lastInteractionAt === null) return null;
  const age = now - c.lastInteractionAt;
  if (age < state.settings.freeWindowHours * 3600_000) return "free";
  return age < state.settings.interactionWindowHours * 3600_000 ? "paid" : null;
}

/** POST /v3.0/oa/message/cs — consultation message to a follower: free inside 48 h, billable to 7 days. */
async function consultation(state: SimState, req: Request): Promise<Response> {
  const body = await readJson(req);
  const recipient = (body?.recipient ?? null) as Record<string, unknown> | null;
  const userId = str(recipient?.user_id);
  const message = (body?.message ?? null) as Record<string, unknown> | null;
  if (!userId) return zaloFail(-201, "user_id is invalid");
  if (!message || (typeof message.text !== "string" && typeof message.attachment !== "object"))
    return zaloFail(-201, "message is invalid");
  const text = typeof message.text === "string" ? message.text : "";
  if (text.length > 2000) return zaloFail(-201, "text is too long");
  const citizen = state.citizens.get(userId);
  if (!citizen) return zaloFail(-201, "user_id is invalid");
  if (state.faults.notFollower || !citizen.isFollower) return zaloFail(-213, "User has not followed OA");
  const billing = consultationBilling(state, citizen);
  if (!billing) return zaloFail(-230, "User has not interacted with the OA in the past 7 days");
  const messageId = randomHex(10);
  const attachment = message.attachment as
    { payload?: { template_type?: string; elements?: { title?: string }[] } } | undefined;
  const shownText =
    text ||
    (attachment?.payload?.template_type === "request_user_info"
      ? `[Yêu cầu chia sẻ thông tin] ${attachment.payload.elements?.[0]?.title ?? ""}`
      : "[Tệp đính kèm]");
  citizen.chat.push({
    id: messageId,
    at: Date.now(),
    direction: "oa",
    kind: "cs",
    billing,
    text: shownText,
    attachment: message.attachment,
  });
  state.counters.acceptedCs++;
  if (billing === "paid") state.counters.paidCs++;
  scheduleDeliveryStatus(state, citizen, messageId, undefined);
  echoOaMessage(state, citizen, messageId, text);
  return zaloOk({ message_id: messageId, user_id: userId, sent_time: String(Date.now()) });
}

function magicCode(state: SimState, phone: string): number | null {
  const { magicPrefix, magicCodes } = state.settings;
  for (const code of magicCodes) if (phone.endsWith(magicPrefix + String(-code))) return code;
  return null;
}

const MAGIC_MESSAGES: Record<number, string> = {
  [-100]: "Unknown error",
  [-108]: "Phone number is invalid",
  [-114]: "User cannot receive this message",
  [-118]: "Zalo account does not exist or is disabled",
  [-133]: "Message cannot be sent at night",
  [-139]: "User refused to receive this type of message",
  [-140]: "User refused to receive messages from this OA",
  [-141]: "User refused to receive messages",
  [-144]: "OA has exceeded its daily quota",
  [-213]: "User has not followed OA",
  [-218]: "User has reached the limit of messages they may receive",
};

/** POST /message/template (business host) — ZBS/ZNS template message by phone. */
async function templateByPhone(state: SimState, req: Request): Promise<Response> {
  const body = await readJson(req);
  if (!body) return zaloFail(-201, "body is invalid");
  const phone = str(body.phone);
  if (!phone || !/^84\d{9,10}$/.test(phone)) return zaloFail(-108, "Phone number is invalid");
  const templateId = str(body.template_id);
  const template = templateId ? state.templates.get(templateId) : undefined;
  if (!template) return zaloFail(-109, "Template id is invalid");
  const data = body.template_data;
  if (!data || typeof data !== "object" || Array.isArray(data)) return zaloFail(-111, "Template data is empty");
  const given = data as Record<string, unknown>;
  const names = template.params.map((p) => p.name);
  const missing = names.filter((n) => given[n] === undefined || given[n] === null || given[n] === "");
  const extra = Object.keys(given).filter((k) => !names.includes(k));
  if (missing.length || extra.length)
    return zaloFail(
      -112,
      `Template data is ` +
        `invalid: ${[...missing.map((m) => `missing ${m}`), ...extra.map((e) => `unknown ${e}`)].join(", ")}`,
    );
  for (const p of template.params) {
    const v = given[p.name];
    if (typeof v !== "string" && typeof v !== "number")
      return zaloFail(-112, `Template data is invalid: ${p.name} must be a string`);
    if (String(v).normalize("NFC").length > p.maxLength)
      return zaloFail(-1121, `Param ${p.name} exceeds max length ${p.maxLength}`);
  }
  const trackingId = str(body.tracking_id);
  if (!trackingId || trackingId.length > 48) return zaloFail(-201, "tracking_id is invalid");
  const magic = magicCode(state, phone);
  if (magic !== null) return zaloFail(magic, MAGIC_MESSAGES[magic] ?? "Error");
  if (state.faults.nightBan) return zaloFail(-133, "Message cannot be sent at night");
  if (state.faults.balanceSpent) return zaloFail(-115, "Out of balance");
  if (state.remainingQuota <= 0) return zaloFail(-144, "OA has exceeded its daily quota");
  if (state.faults.templateQuotaSpent.includes(template.id)) {
    return zaloFail(-147, "Template has reached its daily limit");
  }
  state.remainingQuota--;

  const templateData = Object.fromEntries(names.map((n) => [n, String(given[n])]));
  const msgId = randomHex(10);
  const now = Date.now();
  const send: SimSend = {
    trackingId,
    msgId,
    phone,
    templateId: template.id,
    templateData,
    mode: str(body.mode),
    at: now,
    deliveredAt: null,
  };
  state.sends.push(send);
  state.sendsByMsgId.set(msgId, send);
  state.sendsByTracking.set(trackingId, [...(state.sendsByTracking.get(trackingId) ?? []), send]);
  state.counters.acceptedSends++;
  let citizen = citizenByPhone(state, phone);
  if (!citizen) {
    citizen = newCitizen(phone, `Người dân ${phone.slice(-4)}`);
    state.citizens.set(citizen.userId, citizen);
  }
  citizen.chat.push({
    id: msgId,
    at: now,
    direction: "oa",
    kind: "template",
    text: renderSimTemplate(template, templateData),
    templateId: template.id,
    templateName: template.name,
    templateData,
    trackingId,
  });
  scheduleDeliveryStatus(state, citizen, msgId, trackingId);
  return zaloOk({
    msg_id: msgId,
    sent_time: String(now),
    quota: { dailyQuota: String(state.settings.dailyQuota), remainingQuota: String(state.remainingQuota) },
  });
}

function userDetail(state: SimState, url: URL): Response {
  const q = dataParam(url);
  const citizen = state.citizens.get(str(q?.user_id) ?? "");
  if (!citizen) return zaloFail(-201, "user_id is invalid");
  if (state.faults.notFollower || !citizen.isFollower) return zaloFail(-213, "User has not followed OA");
  const last = citizen.lastInteractionAt ? new Date(citizen.lastInteractionAt + 7 * 3600_000) : null;
  return zaloOk({
    user_id: citizen.userId,
    user_id_by_app: citizen.userIdByApp,
    display_name: citizen.displayName,
    user_alias: "",
    is_sensitive: false,
    user_last_interaction_date: last
      ? [
          String(last.getUTCDate()).padStart(2, "0"),
          String(last.getUTCMonth() + 1).padStart(2, "0"),
          last.getUTCFullYear(),
        ].join("/")
      : "",
    user_is_follower: citizen.isFollower,
    avatar: "",
    tags_and_notes_info: { notes: [], tag_names: [...citizen.tags] },
    shared_info: citizen.sharedInfo ? { ...citizen.sharedInfo, city: "", district: "" } : undefined,
  });
}

function followerList(state: SimState, url: URL): Response {
  const q = dataParam(url);
  if (!q) return zaloFail(-201, "data is invalid");
  const offset = Number(q.offset ?? 0);
  const count = Number(q.count ?? 50);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 50)
    return zaloFail(-201, "offset or count is invalid");
  const followers = [...state.citizens.values()].filter(
    (c) => c.isFollower && (!q.tag_name || c.tags.has(String(q.tag_name))),
  );
  const page = followers.slice(offset, offset + count);
  return zaloOk({
    total: followers.length,
    count: page.length,
    offset,
    users: page.map((c) => ({ user_id: c.userId })),
  });
}

async function tagOp(state: SimState, req: Request, add: boolean): Promise<Response> {
  const body = await readJson(req);
  const citizen = state.citizens.get(str(body?.user_id) ?? "");
  const tag = str(body?.tag_name);
  if (!citizen || !tag) return zaloFail(-201, "user_id or tag_name is invalid");
  if (!citizen.isFollower) return zaloFail(-213, "User has not followed OA");
  if (add) citizen.tags.add(tag);
  else citizen.tags.delete(tag);
  return zaloOk({});
}

async function upload(req: Request, kind: string): Promise<Response> {
  let file: FormDataEntryValue | null = null;
  try {
    file = (await req.formData()).get("file");
  } catch {
    return zaloFail(-201, "file is invalid");
  }
  if (!file || typeof file === "string") return zaloFail(-201, "file is required");
  const limit = kind === "image" ? 1_000_000 : 5_000_000;
  if (file.size > limit) return zaloFail(-201, "file is too large");
  return zaloOk(kind === "image" || kind === "gif" ? { attachment_id: randomHex(12) } : { token: randomHex(16) });
}

async function articleCreate(state: SimState, req: Request): Promise<Response> {
  const body = await readJson(req);
  if (!str(body?.title) || !Array.isArray(body?.body)) return zaloFail(-201, "title or body is invalid");
  const token = randomHex(12);
  state.articles.set(token, { id: randomHex(10), title: String(body?.title), verified: false });
  return zaloOk({ token });
}

async function articleVerify(state: SimState, req: Request): Promise<Response> {
  const body = await readJson(req);
  const article = state.articles.get(str(body?.token) ?? "");
  if (!article) return zaloFail(-201, "token is invalid");
  article.verified = true;
  return zaloOk({ id: article.id });
}

async function broadcast(state: SimState, req: Request): Promise<Response> {
  const body = await readJson(req);
  const element = ((
    body?.message as { attachment?: { payload?: { elements?: { attachment_id?: string; media_type?: string }[] } } }
  )?.attachment?.payload?.elements ?? [])[0];
  const article = [...state.articles.values()].find((a) => a.id === element?.attachment_id);
  if (!body?.recipient || element?.media_type !== "article" || !article?.verified)
    return zaloFail(-201, "article is invalid");
  const messageId = randomHex(10);
  for (const c of state.citizens.values()) {
    if (c.isFollower)
      c.chat.push({
        id: randomHex(10),
        at: Date.now(),
        direction: "oa",
        kind: "cs",
        text: `[Bài viết] ${article.title}`,
      });
  }
  return zaloOk({ message_id: messageId });
}

function messageStatus(state: SimState, url: URL): Response {
  const send = state.sendsByMsgId.get(url.searchParams.get("message_id") ?? "");
  if (!send) return zaloOk({ status: -1, message: "Message not found" });
  return zaloOk(
    send.deliveredAt
      ? { status: 1, delivery_time: String(send.deliveredAt), message: "Delivered" }
      : { status: 0, message: "Sent, not yet delivered" },
  );
}

/** Routes /openapi/… and /business/… (path without those prefixes). Returns null for unknown routes. */
export async function handleApi(
  state: SimState,
  family: "openapi" | "business",
  path: string,
  req: Request,
  url: URL,
): Promise<Response | null> {
  const denied = requireToken(state, req);
  const route = `${req.method} ${family}${path}`;
  const handlers: Record<string, () => Promise<Response> | Response> = {
    "POST openapi/v3.0/oa/message/cs": () => consultation(state, req),
    "GET openapi/v3.0/oa/user/detail": () => userDetail(state, url),
    "GET openapi/v3.0/oa/user/getlist": () => followerList(state, url),
    "POST openapi/v2.0/oa/tag/tagfollower": () => tagOp(state, req, true),
    "POST openapi/v2.0/oa/tag/rmfollowerfromtag": () => tagOp(state, req, false),
    "GET openapi/v2.0/oa/tag/gettagsofoa": () =>
      zaloOk([...new Set([...state.citizens.values()].flatMap((c) => [...c.tags]))]),
    "POST openapi/v2.0/oa/upload/image": () => upload(req, "image"),
    "POST openapi/v2.0/oa/upload/file": () => upload(req, "file"),
    "POST openapi/v2.0/oa/upload/gif": () => upload(req, "gif"),
    "POST openapi/v2.0/article/create": () => articleCreate(state, req),
    "POST openapi/v2.0/article/verify": () => articleVerify(state, req),
    "POST openapi/v2.0/oa/message": () => broadcast(state, req),
    "GET openapi/v2.0/oa/getoa": () =>
      zaloOk({ oa_id: simIdentity().oaId, name: "Trung tâm Phục vụ hành chính công (mô phỏng)", is_verified: true }),
    "POST business/message/template": () => templateByPhone(state, req),
    "GET business/message/status": () => messageStatus(state, url),
    "GET business/message/quota": () =>
      zaloOk({ dailyQuota: String(state.settings.dailyQuota), remainingQuota: String(state.remainingQuota) }),
    ...announcementApiRoutes(state, req, url),
  };
  const handler = handlers[route];
  if (!handler) return null;
  if (denied) return denied;
  const res = await handler();
  return SENDS.has(route) ? loseAnswer(state, res) : res;
}

const SENDS = new Set(["POST openapi/v3.0/oa/message/cs", "POST business/message/template"]);

function loseThisAnswer(state: SimState): boolean {
  const f = state.faults;
  if (f.lostReplies > 0) {
    f.lostReplies--;
    return true;
  }
  return f.lostReplyRate > 0 && Math.random() < f.lostReplyRate;
}

/**
 * Fault "answer lost after acceptance": the send happened (phone, receipts, echo) but its answer hangs for hangMs
 * and the caller sees a gateway timeout. A refused send keeps its answer.
 */
async function loseAnswer(state: SimState, res: Response): Promise<Response> {
  const body = (await res.clone().json()) as { error?: number };
  if (body.error !== 0 || !loseThisAnswer(state)) return res;
  await sleep(state.faults.hangMs);
  return new Response("Gateway Timeout", { status: 504 });
}
