import type { Db } from "@/db/client";
import type { MessageKind } from "@/db/schema";
import type { Follower } from "@/lib/followers/record";
import type { IncomingMessage } from "./incoming";
import { addIncomingMessage } from "./ingest";

const KIND_BY_EVENT: Record<string, MessageKind> = {
  text: "text",
  image: "image",
  gif: "image",
  file: "file",
  sticker: "sticker",
  location: "location",
  link: "link",
  audio: "audio",
  video: "video",
};

/** "user_send_image" / "oa_send_sticker" → the message kind shown in the inbox. */
export function messageKindOf(eventName: string): MessageKind {
  const suffix = eventName.replace(/^(user|oa)_send_/, "");
  return KIND_BY_EVENT[suffix] ?? "other";
}

/**
 * Routing's last step for a citizen's message (after chat flows and look-up commands): it goes to the
 * staff inbox. Returns the conversation it joined, or null for a duplicate delivery.
 */
export async function routeToConversation(db: Db, follower: Follower, msg: IncomingMessage) {
  return addIncomingMessage(db, follower, { ...msg, text: msg.text?.normalize("NFC") ?? null });
}
