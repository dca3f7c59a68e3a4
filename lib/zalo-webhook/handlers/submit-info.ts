import { sendPhoneCode } from "@/lib/followers/phone-proof";
import { linkFollowerInfo, touchFollower } from "@/lib/followers/record";
import { displayVnPhone, normalizeVnMobile } from "@/lib/phone";
import { cleanText } from "@/lib/text";
import { routeSubmitInfoToChatFlows } from "../chat-flows";
import { chatMessages } from "../chat-messages";
import { codeSentText } from "../privacy-chat";
import { parseEventJson } from "../parse";
import { replyText } from "../reply";
import { type EventHandler, type SharedInfo, eventTime, field, textField } from "../types";

function joinParts(...parts: (string | null)[]): string | null {
  const joined = parts.filter((p): p is string => !!p).join(", ");
  return joined ? cleanText(joined) : null;
}

/**
 * user_submit_info's `info`, in either reported shape (zalo-api.md §4.3): the older flat
 * {name, phone, address, ward?, district, city} or the newer {name, phone, full_address: {user_address, user_ward,
 * user_city}}.
 * Some integrations put the JSON inside message.text.
 */
function parseSharedInfo(payload: Record<string, unknown>): SharedInfo {
  let info = field(payload, "info");
  if (!info || typeof info !== "object") {
    const text = textField(payload, "message", "text");
    try {
      info = text ? (field(parseEventJson(text), "info") ?? parseEventJson(text)) : null;
    } catch {
      info = null;
    }
  }
  const full = field(info, "full_address");
  const address =
    full && typeof full === "object"
      ? joinParts(
          textField(full, "user_address"),
          textField(full, "user_ward"),
          textField(full, "user_district"),
          textField(full, "user_city"),
        )
      : joinParts(
          textField(info, "address"),
          textField(info, "ward"),
          textField(info, "district"),
          textField(info, "city"),
        );
  const name = textField(info, "name");
  return { name: name ? cleanText(name) : null, phone: textField(info, "phone"), address };
}

/**
 * user_submit_info: the shared phone becomes a claim (with the consent's time, text and version) and a one-time
 * code goes to that phone by ZBS; the owner's view waits until the code or the receipt secret comes back.
 */
export const handleSubmitInfo: EventHandler = async (event, deps) => {
  const userId = event.senderId;
  if (!userId) return "ignored";
  const at = eventTime(event);
  const follower = await touchFollower(deps.db, userId, at, textField(event.payload, "user_id_by_app"));
  const info = parseSharedInfo(event.payload);
  if (await routeSubmitInfoToChatFlows(event, deps, info)) return "done";
  const phone84 = normalizeVnMobile(info.phone);
  if (!phone84) {
    await replyText(deps, userId, chatMessages.linkFailed, "link:failed");
    return "done";
  }
  const linked = await linkFollowerInfo(deps.db, follower.id, {
    phone84,
    name: info.name,
    address: info.address,
    consentAt: at,
  });
  if (!linked.phoneClaim84) {
    await replyText(deps, userId, chatMessages.linked(displayVnPhone(phone84)), "link:ok");
    return "done";
  }
  const sent = await sendPhoneCode(deps.db, follower.id, at);
  await replyText(deps, userId, codeSentText(sent, phone84), `link:code-${sent.kind}`);
  return "done";
};
