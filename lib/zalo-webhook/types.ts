import type { Db } from "@/db/client";
import type { ZaloClient } from "@/lib/zalo/client";

/** A stored webhook event as the worker sees it. */
export interface StoredEvent {
  id: number;
  eventName: string;
  senderId: string | null;
  recipientId: string | null;
  zaloTimestamp: string | null;
  payload: Record<string, unknown>;
  receivedAt: Date;
  attempts: number;
}

export interface HandlerDeps {
  db: Db;
  zalo: ZaloClient;
}

/** "ignored" = nothing to do for this event (echoes, unknown events). */
type HandlerOutcome = "done" | "ignored";

export type EventHandler = (event: StoredEvent, deps: HandlerDeps) => Promise<HandlerOutcome>;

/** When the event happened: Zalo's epoch-millisecond timestamp, or when it reached us. */
export function eventTime(event: StoredEvent): Date {
  const ms = Number(event.zaloTimestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : event.receivedAt;
}

export function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function textField(obj: unknown, ...path: string[]): string | null {
  const v = field(obj, ...path);
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  return null;
}

/** What a follower shared through Zalo's request-user-info form (user_submit_info). */
export interface SharedInfo {
  name: string | null;
  phone: string | null;
  address: string | null;
}
