import { getZaloSettings } from "@/lib/zalo/settings";
import { log } from "@/lib/log";
import { consentReasons, stopConsultationsTo, withdrawFollowerConsent } from "@/lib/followers/consent";
import { recordFollowState, setFollowerDisplayName } from "@/lib/followers/record";
import { oaMenuWelcome } from "@/lib/oa-menu/welcome";
import { chatMessages } from "../chat-messages";
import { oaDisplayName } from "@/lib/zalo/oa-name";
import { replyText } from "../reply";
import { type EventHandler, type HandlerDeps, eventTime, textField } from "../types";

/**
 * The configured welcome text (settings, else the default naming the province's OA) with the citizen's name filled in.
 */
async function welcomeText(deps: HandlerDeps, name: string | null): Promise<string> {
  const settings = await getZaloSettings(deps.db);
  let template = settings?.welcomeMessage?.trim();
  if (!template) {
    const oa = await oaDisplayName(deps.db);
    template = chatMessages.defaultWelcome(oa.name, oa.area);
  }
  const menu = await oaMenuWelcome(deps.db);
  return [template.replaceAll(/\{(ten|name)\}/g, name || chatMessages.welcomeNameFallback), menu]
    .filter(Boolean)
    .join("\n\n");
}

/** follow: remember the follower and greet them once (a redelivered follow sends nothing). */
export const handleFollow: EventHandler = async (event, deps) => {
  const oaUserId = event.senderId;
  if (!oaUserId) return "ignored";
  const { follower, changed } = await recordFollowState(deps.db, {
    oaUserId,
    appUserId: textField(event.payload, "user_id_by_app"),
    following: true,
    at: eventTime(event),
  });
  if (!changed && event.attempts <= 1) return "done";
  let name = follower.displayName;
  if (!name) {
    try {
      name = (await deps.zalo.getUserDetail(oaUserId)).displayName;
      if (name) await setFollowerDisplayName(deps.db, follower.id, name);
    } catch (err) {
      // The greeting works without a name; the profile call is optional.
      log.warn({ err: (err as Error).message }, "zalo user detail unavailable for welcome");
    }
  }
  await replyText(deps, oaUserId, await welcomeText(deps, name), "welcome");
  return "done";
};

/** unfollow: Zalo refuses consultations to a non-follower, so those waiting for them take their next channel. */
export const handleUnfollow: EventHandler = async (event, deps) => {
  if (!event.senderId) return "ignored";
  const appUserId = textField(event.payload, "user_id_by_app");
  const at = eventTime(event);
  const { follower } = await recordFollowState(deps.db, { oaUserId: event.senderId, appUserId, following: false, at });
  if (!follower.following) await stopConsultationsTo(deps.db, event.senderId, consentReasons.unfollowed);
  return "done";
};

/** user_withdraw: the citizen withdrew the consent given when sharing their information (lib/followers/consent.ts). */
export const handleUserWithdraw: EventHandler = async (event, deps) => {
  const oaUserId = event.senderId ?? textField(event.payload, "user_id");
  if (!oaUserId) return "ignored";
  const appUserId = textField(event.payload, "user_id_by_app");
  await withdrawFollowerConsent(deps.db, { oaUserId, appUserId, at: eventTime(event) });
  return "done";
};
