import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import type { FlowReply } from "./types";

/** Zalo's limits: at most 5 buttons, titles of 35 characters (zalo-api.md §1.3–1.5). */
const MAX_BUTTONS = 5;
const MAX_TITLE = 35;
/** Several replies to one input leave a second apart, so the citizen's phone shows them in order. */
const SPACING_MS = 1_500;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The consultation message's attachment, kept as JSON text in the notification's params. */
function attachmentOf(reply: FlowReply): Record<string, unknown> | null {
  if (reply.requestUserInfo) {
    const r = reply.requestUserInfo;
    return {
      type: "template",
      payload: {
        template_type: "request_user_info",
        elements: [{ title: cut(r.title, 100), subtitle: cut(r.subtitle, 500), image_url: r.imageUrl }],
      },
    };
  }
  if (reply.buttons?.length) {
    const buttons = reply.buttons
      .slice(0, MAX_BUTTONS)
      .map((b) => ({ type: "oa.query.show", title: cut(b.title, MAX_TITLE), payload: b.payload }));
    return { type: "template", payload: { buttons } };
  }
  return null;
}

/** Consecutive plain texts become one message (fewer sends, no ordering question between them). */
export function mergeReplies(replies: FlowReply[]): FlowReply[] {
  const out: FlowReply[] = [];
  for (const r of replies) {
    const last = out.at(-1);
    const plain = (x: FlowReply) => !x.buttons?.length && !x.requestUserInfo;
    // Text before buttons joins them too: the buttons stay under the whole message.
    if (last && plain(last) && !r.requestUserInfo) out[out.length - 1] = { ...r, text: `${last.text}\n\n${r.text}` };
    else out.push(r);
  }
  return out;
}

/**
 * Puts the replies in the notification outbox (consultation channel, to the citizen's OA user id) inside the
 * caller's transaction: the worker sends them, so nothing reaches Zalo unless the flow's change committed.
 */
export async function queueChatReplies(
  tx: DbOrTx,
  input: { oaUserId: string; flow: string; unitId?: number | null; replies: FlowReply[]; now?: Date },
) {
  const merged = mergeReplies(input.replies.filter((r) => r.text || r.requestUserInfo));
  if (!merged.length) return;
  const now = input.now ?? new Date();
  await tx.insert(notifications).values(
    merged.map((reply, i) => {
      const attachment = attachmentOf(reply);
      const params: Record<string, string> = { text: reply.text };
      if (attachment) params.attachment = JSON.stringify(attachment);
      return {
        unitId: input.unitId ?? null,
        eventType: `chat:${input.flow}`,
        channel: "cs" as const,
        recipient: input.oaUserId,
        params,
        status: "queued" as const,
        nextAttemptAt: new Date(now.getTime() + i * SPACING_MS),
      };
    }),
  );
}
