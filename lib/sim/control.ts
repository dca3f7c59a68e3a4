import { type CitizenAction, SimInputError, actAsCitizen, ensureCitizen, simPhone } from "./citizen";
import { bulkFollowers } from "./announcements";
import { simIdentity } from "./config";
import { json, readJson } from "./respond";
import {
  type SimCitizen,
  type SimFaults,
  type SimSettings,
  type SimState,
  citizenByPhone,
  defaultFaults,
  resetSimState,
} from "./state";
import { issueRefreshToken, validRefreshTokens } from "./tokens";

function citizenView(c: SimCitizen) {
  return {
    userId: c.userId,
    userIdByApp: c.userIdByApp,
    phone: c.phone,
    displayName: c.displayName,
    isFollower: c.isFollower,
    lastInteractionAt: c.lastInteractionAt,
    tags: [...c.tags],
    sharedInfo: c.sharedInfo,
    chat: c.chat,
  };
}
export type SimCitizenView = ReturnType<typeof citizenView>;

function tokensView(state: SimState) {
  return {
    issued: state.refreshIssued,
    spent: [...state.refreshSpent],
    valid: validRefreshTokens(state),
    accessIssued: state.accessIssued,
  };
}

function sendsView(state: SimState, trackingId: string | null) {
  const sends = trackingId ? (state.sendsByTracking.get(trackingId) ?? []) : state.sends;
  const perTracking: Record<string, number> = {};
  for (const s of sends) perTracking[s.trackingId] = (perTracking[s.trackingId] ?? 0) + 1;
  return { total: sends.length, perTracking, sends };
}

function pick<T extends object>(defaults: T, patch: Record<string, unknown>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const v = patch[key as string];
    if (v === undefined) continue;
    const d = defaults[key];
    if (d === null || typeof v === typeof d || (key === "rateLimitPerMinute" && (v === null || typeof v === "number")))
      out[key] = v as T[keyof T];
  }
  return out;
}

function parseAction(body: Record<string, unknown>): CitizenAction {
  const s = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
  switch (body.action) {
    case "follow":
    case "unfollow":
    case "withdraw":
    case "seen":
      return { action: body.action };
    case "text":
      return { action: "text", text: s("text") };
    case "image":
      return { action: "image", caption: s("caption") };
    case "sticker":
      return { action: "sticker" };
    case "submit_info":
      return { action: "submit_info", name: s("name"), address: s("address") };
    case "feedback":
      return { action: "feedback", rate: Number(body.rate), note: s("note") };
    default:
      throw new SimInputError("Thao tác không hợp lệ.");
  }
}

/** /_control/…: reset, faults, settings and inspection for tests and the /sim page; acting as a citizen. */
export async function handleControl(state: SimState, path: string, req: Request, url: URL): Promise<Response | null> {
  const route = `${req.method} ${path.replace(/\/+$/, "")}`;
  try {
    if (route === "POST /reset") {
      resetSimState();
      return json({ ok: true });
    }
    if (route === "GET /state") {
      return json({
        identity: { appId: simIdentity().appId, oaId: simIdentity().oaId },
        counters: state.counters,
        faults: state.faults,
        settings: state.settings,
        remainingQuota: state.remainingQuota,
        tokens: tokensView(state),
        webhookLog: state.webhookLog.slice(-50),
      });
    }
    if (route === "POST /faults") {
      const patch = (await readJson(req)) ?? {};
      state.faults = patch.reset ? defaultFaults() : { ...state.faults, ...pick<SimFaults>(defaultFaults(), patch) };
      return json({ faults: state.faults });
    }
    if (route === "POST /settings") {
      const patch = (await readJson(req)) ?? {};
      state.settings = { ...state.settings, ...pick<SimSettings>(state.settings, patch) };
      if (typeof patch.remainingQuota === "number") state.remainingQuota = patch.remainingQuota;
      return json({ settings: state.settings });
    }
    if (route === "POST /expire-tokens") {
      state.accessRevokedBefore = Date.now() + 1;
      return json({ ok: true });
    }
    if (route === "POST /revoke-refresh-tokens") {
      for (const t of state.refreshIssued) state.refreshSpent.add(t);
      return json({ ok: true });
    }
    if (route === "POST /issue-refresh-token") return json({ refreshToken: issueRefreshToken(state) });
    if (route === "GET /tokens") return json(tokensView(state));
    if (route === "GET /sends") return json(sendsView(state, url.searchParams.get("tracking_id")));
    if (route === "GET /messages") {
      const c =
        state.citizens.get(url.searchParams.get("user_id") ?? "") ??
        citizenByPhone(state, url.searchParams.get("phone") ?? "");
      return c ? json({ messages: c.chat }) : json({ error: "not found" }, 404);
    }
    if (route === "GET /citizens") {
      return json({ citizens: [...state.citizens.values()].map(citizenView) });
    }
    if (route === "POST /citizens") {
      const body = (await readJson(req)) ?? {};
      const c = ensureCitizen(
        state,
        String(body.phone ?? ""),
        typeof body.displayName === "string" ? body.displayName : undefined,
      );
      if (typeof body.isFollower === "boolean") {
        c.isFollower = body.isFollower;
        c.lastInteractionAt = Date.now();
      }
      if (typeof body.lastInteractionAt === "number" || body.lastInteractionAt === null)
        c.lastInteractionAt = body.lastInteractionAt as number | null;
      return json({ citizen: citizenView(c) });
    }
    if (route === "POST /followers") return await bulkFollowers(state, req);
    if (route === "POST /act") {
      const body = (await readJson(req)) ?? {};
      const action = parseAction(body);
      const c = ensureCitizen(
        state,
        String(body.phone ?? ""),
        typeof body.displayName === "string" ? body.displayName : undefined,
      );
      const webhooks = await actAsCitizen(state, c, action);
      return json({ ok: webhooks.every((w) => !w.error), webhooks, citizen: citizenView(c) });
    }
    if (req.method === "GET" && path.startsWith("/citizens/")) {
      const c = citizenByPhone(state, simPhone(decodeURIComponent(path.slice("/citizens/".length))));
      return c ? json({ citizen: citizenView(c) }) : json({ error: "not found" }, 404);
    }
  } catch (err) {
    if (err instanceof SimInputError) return json({ error: err.message }, 400);
    throw err;
  }
  return null;
}
