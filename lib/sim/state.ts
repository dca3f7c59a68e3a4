import crypto from "node:crypto";
import { simDefaultWebhookUrl, simIdentity } from "./config";
import { demoFollowers } from "./demo-followers";
import { type SimTemplate, simTemplates } from "./templates";

interface SimChatEntry {
  id: string;
  at: number;
  direction: "oa" | "citizen";
  kind: "cs" | "template" | "text" | "event";
  /** Consultation messages: free inside the 48 h window, billable between 48 h and 7 days. */
  billing?: "free" | "paid";
  text: string;
  /** For OA messages: buttons, request_user_info, links, as received. */
  attachment?: unknown;
  templateId?: string;
  templateName?: string;
  templateData?: Record<string, string>;
  trackingId?: string;
  delivered?: boolean;
  seen?: boolean;
}

export interface SimCitizen {
  userId: string;
  userIdByApp: string;
  phone: string;
  displayName: string;
  isFollower: boolean;
  lastInteractionAt: number | null;
  tags: Set<string>;
  sharedInfo: { name: string; phone: string; address: string } | null;
  chat: SimChatEntry[];
}

export interface SimSend {
  trackingId: string;
  msgId: string;
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  mode: string | null;
  at: number;
  deliveredAt: number | null;
}

export interface SimFaults {
  /** Share of API calls failing at random (0–1), with HTTP 5xx or Zalo -32. */
  errorRate: number;
  errorKind: "5xx" | "-32";
  /** Added to every API answer. */
  latencyMs: number;
  /** Share of API calls that hang for hangMs (the client's timeout should fire first). */
  hangRate: number;
  hangMs: number;
  /** API calls per minute before -32; null = unlimited. */
  rateLimitPerMinute: number | null;
  /** Consultation messages and user detail answer -213 for everyone. */
  notFollower: boolean;
  /** Template sends answer -133 (ZNS night ban). */
  nightBan: boolean;
  /** Share of accepted sends whose answer is lost: Zalo sends the message, then the reply hangs for hangMs. */
  lostReplyRate: number;
  /** The next this many accepted sends lose their answer (deterministic twin of lostReplyRate). */
  lostReplies: number;
  /** Templates whose own daily limit is spent: template sends with them answer -147. */
  templateQuotaSpent: string[];
  /** The Zalo Cloud account balance is spent: template sends answer -115. */
  balanceSpent: boolean;
}

export interface SimSettings {
  webhookUrl: string;
  /** Emit user_received_message after each accepted send. */
  deliveryStatuses: boolean;
  receiptDelayMs: number;
  /** Emit the oa_send_text echo of each accepted consultation text, as Zalo does for the OA's own messages. */
  echoOaMessages: boolean;
  accessTokenTtlSeconds: number;
  /** Consultation messages are free within this many hours of the citizen's last interaction (zalo-api.md §6.4). */
  freeWindowHours: number;
  /** Consultation messages are refused (-230) when the citizen last interacted longer ago than this (7 days). */
  interactionWindowHours: number;
  /** Phones ending in magicPrefix + a known error code's digits (e.g. 000118) fail with that code. */
  magicPrefix: string;
  magicCodes: number[];
  dailyQuota: number;
  submitInfoShape: "flat" | "full_address";
}

export interface SimState {
  citizens: Map<string, SimCitizen>;
  sends: SimSend[];
  sendsByTracking: Map<string, SimSend[]>;
  sendsByMsgId: Map<string, SimSend>;
  refreshIssued: string[];
  refreshSpent: Set<string>;
  accessIssued: number;
  /** Access tokens issued before this moment are invalid (fault "token expiry now"). */
  accessRevokedBefore: number;
  authCodes: Map<string, { challenge: string | null; expiresAt: number; used: boolean }>;
  faults: SimFaults;
  settings: SimSettings;
  requestTimes: number[];
  remainingQuota: number;
  templates: Map<string, SimTemplate>;
  articles: Map<string, { id: string; title: string; verified: boolean }>;
  webhookLog: { at: number; event: string; status: number | null; error?: string }[];
  counters: { requests: number; acceptedSends: number; acceptedCs: number; paidCs: number; rejected: number };
}

export const defaultFaults = (): SimFaults => ({
  errorRate: 0,
  errorKind: "5xx",
  latencyMs: 0,
  hangRate: 0,
  hangMs: 60_000,
  rateLimitPerMinute: null,
  notFollower: false,
  nightBan: false,
  lostReplyRate: 0,
  lostReplies: 0,
  templateQuotaSpent: [],
  balanceSpent: false,
});

const defaultSettings = (): SimSettings => ({
  webhookUrl: simDefaultWebhookUrl(),
  deliveryStatuses: true,
  receiptDelayMs: 300,
  echoOaMessages: false,
  accessTokenTtlSeconds: 90_000,
  freeWindowHours: 48,
  interactionWindowHours: 7 * 24,
  magicPrefix: "000",
  magicCodes: [-100, -108, -114, -118, -133, -139, -140, -141, -144, -213, -218],
  dailyQuota: 5000,
  submitInfoShape: "flat",
});

/** A stable 19-digit id from a seed, so a citizen keeps their Zalo user id across simulator restarts. */
export function stableId(seed: string): string {
  const h = crypto.createHash("sha256").update(seed).digest();
  return "1" + (h.readBigUInt64BE(0) % 10n ** 18n).toString().padStart(18, "0");
}

export function newCitizen(phone: string, displayName: string, isFollower = false): SimCitizen {
  return {
    userId: stableId(`user:${phone}`),
    userIdByApp: stableId(`app:${phone}`),
    phone,
    displayName,
    isFollower,
    lastInteractionAt: isFollower ? Date.now() : null,
    tags: new Set(),
    sharedInfo: null,
    chat: [],
  };
}

/** Citizens present on a fresh simulator (demo and training). */
const demoCitizens: [string, string, boolean][] = [
  ["84912345678", "Nguyễn Văn An", true],
  ["84987654321", "Trần Thị Bình", false],
  ["84358123456", "Lê Văn Cường", true],
  ["84706543210", "Phạm Thị Dung", false],
];

function freshState(): SimState {
  const state: SimState = {
    citizens: new Map(),
    sends: [],
    sendsByTracking: new Map(),
    sendsByMsgId: new Map(),
    refreshIssued: [simIdentity().bootstrapRefreshToken],
    refreshSpent: new Set(),
    accessIssued: 0,
    accessRevokedBefore: 0,
    authCodes: new Map(),
    faults: defaultFaults(),
    settings: defaultSettings(),
    requestTimes: [],
    remainingQuota: 0,
    templates: new Map(simTemplates.map((t) => [t.id, t])),
    articles: new Map(),
    webhookLog: [],
    counters: { requests: 0, acceptedSends: 0, acceptedCs: 0, paidCs: 0, rejected: 0 },
  };
  state.remainingQuota = state.settings.dailyQuota;
  for (const [phone, name, follower] of demoCitizens) {
    const c = newCitizen(phone, name, follower);
    state.citizens.set(c.userId, c);
  }
  for (const f of demoFollowers()) {
    const c = newCitizen(f.phone, f.name, f.following);
    c.tags = new Set(f.tags);
    c.lastInteractionAt = Date.now() - f.hoursAgo * 3600_000;
    if (f.linked || f.claimed) c.sharedInfo = { name: f.name, phone: f.phone, address: "Hà Tĩnh" };
    state.citizens.set(c.userId, c);
  }
  return state;
}

const holder = globalThis as unknown as { __motcuaZaloSim?: SimState };

/** The simulator's in-memory state, one per process. */
export function simState(): SimState {
  holder.__motcuaZaloSim ??= freshState();
  return holder.__motcuaZaloSim;
}

export function resetSimState(): SimState {
  holder.__motcuaZaloSim = freshState();
  return holder.__motcuaZaloSim;
}

const phoneIndexes = new WeakMap<SimState, Map<string, SimCitizen>>();

/** Remembered per phone (a send at hundreds a second must not scan every citizen); a stale entry is re-checked. */
export function citizenByPhone(state: SimState, phone: string): SimCitizen | undefined {
  let index = phoneIndexes.get(state);
  if (!index) phoneIndexes.set(state, (index = new Map()));
  const hit = index.get(phone);
  if (hit && hit.phone === phone && state.citizens.get(hit.userId) === hit) return hit;
  for (const c of state.citizens.values()) {
    if (c.phone === phone) {
      index.set(phone, c);
      return c;
    }
  }
  return undefined;
}

let pool = Buffer.alloc(0);
let poolOffset = 0;

/** Random hex ids from a pooled buffer: one randomBytes call per few hundred ids, not one per send. */
export function randomHex(bytes = 10): string {
  if (poolOffset + bytes > pool.length) {
    pool = crypto.randomBytes(Math.max(4096, bytes));
    poolOffset = 0;
  }
  poolOffset += bytes;
  return pool.toString("hex", poolOffset - bytes, poolOffset);
}
