import type { MessageKind } from "@/db/schema";

/** A citizen's message as it reaches a conversation. */
export interface IncomingMessage {
  msgId: string;
  kind: MessageKind;
  text: string | null;
  attachments: unknown;
  at: Date;
}
