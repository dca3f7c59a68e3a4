import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { type ChatFlowSession, chatFlowInputs, chatFlowSessions } from "@/db/schema";
import { queueChatReplies } from "./outbox";
import { type BotTexts, loadBotTexts } from "./texts";
import type { FlowCatalog, FlowCtx, FlowInput, FlowReply, StepOutcome } from "./types";
import { isCancel, isHelp } from "./words";

/** Idle time after which a flow ends by itself (and says so). */
const FLOW_IDLE_MS = 30 * 60_000;

/** "handled": a flow answered (or knowingly ignored) the input; "passed": it is for the look-up or the inbox. */
export type FlowRouting = "handled" | "passed";

export interface ChatFlowEvent {
  oaUserId: string;
  /** Zalo's message id, or another key naming this delivery's content: the same key is applied once. */
  key: string;
  /** Zalo's time of the event; inputs older than the last one applied to the session are not applied. */
  at: Date;
  input: FlowInput;
}

const expiry = (at: Date) => new Date(at.getTime() + FLOW_IDLE_MS);

async function endSession(
  tx: Tx,
  id: number,
  status: "done" | "cancelled" | "expired",
  now: Date,
  data?: Record<string, unknown>,
) {
  await tx
    .update(chatFlowSessions)
    .set({ status, endedAt: now, updatedAt: now, ...(data ? { data } : {}) })
    .where(eq(chatFlowSessions.id, id));
}

function withExitHint(texts: BotTexts, replies: FlowReply[]): FlowReply[] {
  const last = replies.at(-1);
  if (!last || last.requestUserInfo) return replies;
  return [...replies.slice(0, -1), { ...last, text: `${last.text}\n${texts.t("exitHint")}` }];
}

/**
 * Applies one citizen input to the chat flows, in one transaction: the input is claimed by its key (a
 * redelivery changes nothing), the follower's active session is locked, an idle one expires, "hủy" leaves,
 * a menu keyword starts its flow, otherwise the current step handles it. Replies go to the outbox.
 */
export async function applyChatFlowInput(
  db: Db,
  catalog: FlowCatalog,
  event: ChatFlowEvent,
  now: Date = new Date(),
): Promise<FlowRouting> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(chatFlowInputs)
      .values({ key: event.key, oaUserId: event.oaUserId, outcome: "pending", at: event.at })
      .onConflictDoNothing()
      .returning({ key: chatFlowInputs.key });
    if (!claimed) {
      const [prev] = await tx
        .select({ outcome: chatFlowInputs.outcome })
        .from(chatFlowInputs)
        .where(eq(chatFlowInputs.key, event.key));
      return prev?.outcome === "passed" ? "passed" : "handled";
    }
    const [locked] = await tx
      .select()
      .from(chatFlowSessions)
      .where(and(eq(chatFlowSessions.oaUserId, event.oaUserId), eq(chatFlowSessions.status, "active")))
      .for("update");
    const texts = await loadBotTexts(tx);
    const result = await decide(tx, catalog, event, locked ?? null, texts, now);
    await queueChatReplies(tx, {
      oaUserId: event.oaUserId,
      flow: result.flow,
      unitId: result.unitId,
      replies: result.replies,
      now,
    });
    await tx
      .update(chatFlowInputs)
      .set({ outcome: result.outcome, sessionId: result.sessionId })
      .where(eq(chatFlowInputs.key, event.key));
    return result.outcome === "passed" ? "passed" : "handled";
  });
}

interface Decision {
  outcome: "passed" | "stale" | "expired" | "cancelled" | "started" | "step" | "help" | "done";
  flow: string;
  sessionId: number | null;
  unitId?: number | null;
  replies: FlowReply[];
}

async function decide(
  tx: Tx,
  catalog: FlowCatalog,
  event: ChatFlowEvent,
  locked: ChatFlowSession | null,
  texts: BotTexts,
  now: Date,
): Promise<Decision> {
  const { input, at } = event;
  const folded = input.kind === "text" ? input.folded : "";
  const replies: FlowReply[] = [];
  let session = locked;
  if (session && session.expiresAt <= at) {
    await endSession(tx, session.id, "expired", now);
    replies.push({ text: texts.t("timedOut") });
    session = null;
  }
  // A late delivery of an older message must not move the conversation back.
  if (session && at < session.lastEventAt)
    return { outcome: "stale", flow: session.flow, sessionId: session.id, replies: [] };
  const ctxOf = (data: Record<string, unknown>): FlowCtx => ({ tx, oaUserId: event.oaUserId, at, texts, data });

  if (session && input.kind === "text" && isCancel(folded)) {
    await endSession(tx, session.id, "cancelled", now);
    return {
      outcome: "cancelled",
      flow: session.flow,
      sessionId: session.id,
      replies: [...replies, { text: texts.t("cancelled") }],
    };
  }

  const trigger = input.kind === "text" ? await catalog.resolveTrigger(tx, folded) : null;
  if (trigger) {
    if (session) await endSession(tx, session.id, "cancelled", now);
    const flow = catalog.flowNamed(trigger)!;
    const out = await flow.start(ctxOf({}), input);
    replies.push(...(out.end ? out.replies : withExitHint(texts, out.replies)));
    if (out.end || !out.step)
      return { outcome: "done", flow: flow.name, sessionId: null, unitId: unitOf(out), replies };
    const [created] = await tx
      .insert(chatFlowSessions)
      .values({
        oaUserId: event.oaUserId,
        flow: flow.name,
        step: out.step,
        data: out.data ?? {},
        lastEventAt: at,
        expiresAt: expiry(at),
        startedAt: now,
        updatedAt: now,
      })
      .returning({ id: chatFlowSessions.id });
    return { outcome: "started", flow: flow.name, sessionId: created.id, unitId: unitOf(out), replies };
  }

  if (!session)
    return replies.length
      ? { outcome: "expired", flow: "engine", sessionId: null, replies }
      : { outcome: "passed", flow: "engine", sessionId: null, replies };

  const flow = catalog.flowNamed(session.flow);
  const step = flow?.steps[session.step];
  if (!flow || !step) {
    // The flow's code changed under a running session: end it rather than guess.
    await endSession(tx, session.id, "cancelled", now);
    return {
      outcome: "cancelled",
      flow: session.flow,
      sessionId: session.id,
      replies: [...replies, { text: texts.t("cancelled") }],
    };
  }
  const ctx = ctxOf(session.data);
  let out: StepOutcome;
  let outcome: Decision["outcome"] = "step";
  if (input.kind === "text" && isHelp(folded)) {
    out = { replies: [{ text: await step.help(ctx) }] };
    outcome = "help";
  } else {
    out = await step.handle(ctx, input);
  }
  if (out.end) {
    await endSession(tx, session.id, out.end, now, out.data);
    return {
      outcome: out.end === "done" ? "done" : "cancelled",
      flow: flow.name,
      sessionId: session.id,
      unitId: unitOf(out),
      replies: [...replies, ...out.replies],
    };
  }
  await tx
    .update(chatFlowSessions)
    .set({
      step: out.step ?? session.step,
      data: out.data ?? session.data,
      lastEventAt: at,
      expiresAt: expiry(at),
      updatedAt: now,
    })
    .where(eq(chatFlowSessions.id, session.id));
  return {
    outcome,
    flow: flow.name,
    sessionId: session.id,
    unitId: unitOf(out),
    replies: [...replies, ...withExitHint(texts, out.replies)],
  };
}

function unitOf(out: StepOutcome): number | null {
  const u = out.data?.unitId;
  return typeof u === "number" ? u : null;
}
