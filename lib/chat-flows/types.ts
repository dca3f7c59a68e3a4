import type { DbOrTx, Tx } from "@/db/client";
import type { BotTexts } from "./texts";

/** What a citizen's chat event brings to a flow. */
export type FlowInput =
  | { kind: "text"; text: string; folded: string }
  | { kind: "submit_info"; name: string | null; phone: string | null; address: string | null };

/** One message the OA sends back; `buttons` become oa.query.show buttons whose payload is typed for the citizen. */
export interface FlowReply {
  text: string;
  buttons?: { title: string; payload: string }[];
  requestUserInfo?: { title: string; subtitle: string; imageUrl: string };
}

export interface FlowCtx {
  tx: Tx;
  oaUserId: string;
  /** Zalo's time of the input. */
  at: Date;
  texts: BotTexts;
  data: Record<string, unknown>;
}

/** What a step decides: the next step (or the end), the flow's new data, and the replies. */
export interface StepOutcome {
  step?: string;
  data?: Record<string, unknown>;
  replies: FlowReply[];
  end?: "done" | "cancelled";
}

interface FlowStep {
  /** The help text of the step, sent on "?"/"hướng dẫn" and with an answer the step does not understand. */
  help(ctx: FlowCtx): string | Promise<string>;
  handle(ctx: FlowCtx, input: FlowInput): Promise<StepOutcome>;
}

/** A chat flow defined in code: how it starts and what each step does with an input. */
export interface FlowDefinition {
  name: string;
  start(ctx: FlowCtx, input: FlowInput): Promise<StepOutcome>;
  steps: Record<string, FlowStep>;
}

/**
 * The flows the engine runs and the words that start them. The engine knows no flow: the catalogue is composed
 * above the flows (lib/oa-menu/registry.ts) and passed in.
 */
export interface FlowCatalog {
  flowNamed(name: string): FlowDefinition | undefined;
  /** The name of the flow a folded text starts, or null. */
  resolveTrigger(db: DbOrTx, folded: string): Promise<string | null>;
}

/** Chat-flow data is JSON; these read it back with a type. */
export function dataString(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === "string" ? v : null;
}

export function dataNumber(data: Record<string, unknown>, key: string): number | null {
  const v = data[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
