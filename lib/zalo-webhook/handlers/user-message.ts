import type { Db } from "@/db/client";
import { type IncomingMessageKind, zaloIncomingMessages } from "@/db/schema";
import {
  type DossierStatusSummary,
  findDossierStatusByCode,
  listOpenDossiersByIdNumber,
  listOpenDossiersByPhone,
} from "@/lib/dossiers/chat-lookup";
import { type Follower, touchFollower } from "@/lib/followers/record";
import { messageKindOf, routeToConversation } from "@/lib/conversations/hook";
import { maskPersonName } from "@/lib/privacy";
import { type RateWindow, hitRateLimit } from "@/lib/rate-limit";
import { routeTextToChatFlows } from "../chat-flows";
import { chatMessages } from "../chat-messages";
import { answerPrivacyText } from "../privacy-chat";
import { classifyText, type TextIntent } from "../classify-text";
import { replyText } from "../reply";
import { type EventHandler, eventTime, field, textField } from "../types";

async function storeIncoming(
  db: Db,
  follower: Follower,
  input: {
    msgId: string;
    eventName: string;
    text: string | null;
    attachments: unknown;
    kind: IncomingMessageKind;
    at: Date;
  },
) {
  await db
    .insert(zaloIncomingMessages)
    .values({
      followerId: follower.id,
      msgId: input.msgId,
      eventName: input.eventName,
      text: input.text,
      attachments: input.attachments ?? null,
      kind: input.kind,
      receivedAt: input.at,
    })
    .onConflictDoNothing({ target: zaloIncomingMessages.msgId });
}

function greetName(follower: Follower): string | null {
  return follower.sharedName ?? follower.displayName ?? null;
}

/** The registered phone's own Zalo account sees the full name and the secured link; anyone else the masked name. */
function statusReply(d: DossierStatusSummary, follower: Follower): string {
  const owner = d.ownerName.normalize("NFC").toLocaleUpperCase("vi-VN");
  const own = !!follower.phone84 && follower.phone84 === d.phone84;
  return chatMessages.dossierStatus(d, {
    greetName: greetName(follower),
    ownerName: own ? owner : maskPersonName(owner),
    url: own ? d.securedLookupUrl : d.lookupUrl,
    own,
  });
}

/** Look-ups by code per chatting account: enough for a family's dossiers, too few to walk sequential codes. */
const CHAT_CODE_LOOKUP_LIMIT: RateWindow = { limit: 10, windowSeconds: 10 * 60 };

/** The answer to a recognised request, or null when the text is for staff (the inbox). */
async function answer(db: Db, follower: Follower, intent: TextIntent): Promise<string | null> {
  switch (intent.kind) {
    case "code": {
      const rate = await hitRateLimit(db, `chat-lookup:${follower.id}`, CHAT_CODE_LOOKUP_LIMIT);
      if (!rate.allowed) return chatMessages.lookupLimited(Math.ceil(rate.retryAfterSeconds / 60));
      const found = await findDossierStatusByCode(db, intent.code);
      return found ? statusReply(found, follower) : chatMessages.dossierNotFound(intent.code);
    }
    case "phone":
      if (follower.phone84 !== intent.phone84) return chatMessages.linkRequired("phone");
      return chatMessages.openDossiers(greetName(follower), await listOpenDossiersByPhone(db, intent.phone84));
    case "idNumber": {
      if (!follower.phone84) return chatMessages.linkRequired("idNumber");
      // Only the dossiers registered with the phone this Zalo account proved it owns.
      const mine = (await listOpenDossiersByIdNumber(db, intent.idNumber)).filter(
        (d) => d.phone84 === follower.phone84,
      );
      return chatMessages.openDossiers(greetName(follower), mine);
    }
    case "keyword":
      return intent.keyword === "help" ? chatMessages.helpGuide : chatMessages.lookupGuide;
    case "badCode":
      return chatMessages.badCode(intent.text);
    case "other":
      return null;
  }
}

function kindOf(intent: TextIntent): IncomingMessageKind {
  if (intent.kind === "keyword") return "keyword";
  if (intent.kind === "other") return "other";
  return "lookup";
}

/** user_send_text: dossier look-ups and keywords are answered at once; everything else waits in the inbox. */
export const handleUserSendText: EventHandler = async (event, deps) => {
  const userId = event.senderId;
  if (!userId) return "ignored";
  const at = eventTime(event);
  const follower = await touchFollower(deps.db, userId, at, textField(event.payload, "user_id_by_app"));
  const text = (textField(event.payload, "message", "text") ?? "").normalize("NFC");
  if (await routeTextToChatFlows(event, deps, text)) return "done";
  // Codes and secrets are answered and not kept in the inbox.
  const privacyReply = await answerPrivacyText(deps.db, follower, text, at);
  if (privacyReply) {
    await replyText(deps, userId, privacyReply, "text:privacy");
    return "done";
  }
  const intent = classifyText(text);
  const msgId = textField(event.payload, "message", "msg_id") ?? `event-${event.id}`;
  await storeIncoming(deps.db, follower, {
    msgId,
    eventName: event.eventName,
    text,
    attachments: null,
    kind: kindOf(intent),
    at,
  });
  const reply = await answer(deps.db, follower, intent);
  if (reply) await replyText(deps, userId, reply, `text:${intent.kind}`);
  else await routeToConversation(deps.db, follower, { msgId, kind: "text", text, attachments: null, at });
  return "done";
};

/** Images, files, stickers, locations…: kept for the inbox; they also open the 48 h window. */
export const handleUserSendOther: EventHandler = async (event, deps) => {
  const userId = event.senderId;
  if (!userId) return "ignored";
  const at = eventTime(event);
  const follower = await touchFollower(deps.db, userId, at, textField(event.payload, "user_id_by_app"));
  const msgId = textField(event.payload, "message", "msg_id") ?? `event-${event.id}`;
  const message = {
    text: textField(event.payload, "message", "text"),
    attachments: field(event.payload, "message", "attachments") ?? null,
  };
  await storeIncoming(deps.db, follower, { msgId, eventName: event.eventName, ...message, kind: "other", at });
  await routeToConversation(deps.db, follower, { msgId, kind: messageKindOf(event.eventName), ...message, at });
  return "done";
};
