import { nfc } from "@/lib/text";
import { simIdentity } from "./config";
import { simRatingTemplateIds } from "./templates";
import { type SimCitizen, type SimState, citizenByPhone, newCitizen, randomHex } from "./state";
import { type WebhookResult, eventTimestamp, newMsgId, postWebhookEvent } from "./webhook";

export type CitizenAction =
  | { action: "follow" | "unfollow" | "withdraw" | "seen" }
  | { action: "text"; text: string }
  | { action: "image"; caption?: string }
  | { action: "sticker" }
  | { action: "submit_info"; name: string; address: string }
  | { action: "feedback"; rate: number; note?: string };

export class SimInputError extends Error {}

/**
 * "0912 345 678" / "+84912345678" / "84912345678" → "84912345678" (any digits; the simulator is lenient on purpose).
 */
export function simPhone(input: string): string {
  let d = input.replace(/[^\d+]/g, "");
  if (d.startsWith("+")) d = d.slice(1);
  if (d.startsWith("0")) d = "84" + d.slice(1);
  if (!/^84\d{8,10}$/.test(d)) throw new SimInputError("Số điện thoại không hợp lệ (ví dụ 0912 345 678).");
  return d;
}

/** The citizen with this phone, created on first use (a Zalo account exists for every simulated phone). */
export function ensureCitizen(state: SimState, phoneInput: string, displayName?: string): SimCitizen {
  const phone = simPhone(phoneInput);
  let c = citizenByPhone(state, phone);
  if (!c) {
    c = newCitizen(phone, nfc(displayName?.trim() || `Người dân ${phone.slice(-4)}`));
    state.citizens.set(c.userId, c);
  } else if (displayName?.trim()) {
    c.displayName = nfc(displayName.trim());
  }
  return c;
}

function logLine(c: SimCitizen, text: string, kind: "text" | "event" = "event") {
  c.chat.push({ id: randomHex(6), at: Date.now(), direction: "citizen", kind, text });
}

/** Acts as the citizen in the Zalo app: updates the simulator and delivers the signed event to the portal. */
export async function actAsCitizen(state: SimState, citizen: SimCitizen, act: CitizenAction): Promise<WebhookResult[]> {
  const { oaId } = simIdentity();
  const now = Date.now();
  const ts = eventTimestamp(now);
  const base = { user_id_by_app: citizen.userIdByApp, timestamp: ts };
  switch (act.action) {
    case "follow":
    case "unfollow": {
      citizen.isFollower = act.action === "follow";
      citizen.lastInteractionAt = now;
      logLine(citizen, act.action === "follow" ? "Đã quan tâm OA" : "Đã bỏ quan tâm OA");
      return [
        await postWebhookEvent(state, {
          ...base,
          event_name: act.action,
          oa_id: oaId,
          follower: { id: citizen.userId },
          source: "oa_profile",
        }),
      ];
    }
    case "withdraw": {
      // The citizen withdraws the consent given when sharing their information (zalo-api.md §11, user_withdraw).
      citizen.sharedInfo = null;
      logLine(citizen, "Đã rút lại đồng ý chia sẻ thông tin với OA");
      const event = { ...base, event_name: "user_withdraw", sender: { id: citizen.userId }, recipient: { id: oaId } };
      return [await postWebhookEvent(state, event)];
    }
    case "text": {
      const text = nfc(act.text.trim());
      if (!text) throw new SimInputError("Nhập nội dung tin nhắn.");
      if (text.length > 2000) throw new SimInputError("Tin nhắn tối đa 2.000 ký tự.");
      citizen.lastInteractionAt = now;
      logLine(citizen, text, "text");
      return [
        await postWebhookEvent(state, {
          ...base,
          event_name: "user_send_text",
          sender: { id: citizen.userId },
          recipient: { id: oaId },
          message: { msg_id: newMsgId(), text },
        }),
      ];
    }
    case "image":
    case "sticker": {
      // The simulator has no media store: the URLs only stand for what Zalo's CDN would serve.
      const id = randomHex(8);
      const image = act.action === "image";
      const caption = image ? nfc(act.caption?.trim() ?? "") : "";
      citizen.lastInteractionAt = now;
      logLine(citizen, image ? `[Hình ảnh]${caption ? ` ${caption}` : ""}` : "[Nhãn dán]", "text");
      const attachments = image
        ? [
            {
              type: "image",
              payload: {
                url: `https://zalo-sim.invalid/photo/${id}.jpg`,
                thumbnail: `https://zalo-sim.invalid/photo/${id}_thumb.jpg`,
              },
            },
          ]
        : [{ type: "sticker", payload: { id, url: `https://zalo-sim.invalid/sticker/${id}.png` } }];
      const message = { msg_id: newMsgId(), ...(caption ? { text: caption } : {}), attachments };
      return [
        await postWebhookEvent(state, {
          ...base,
          event_name: image ? "user_send_image" : "user_send_sticker",
          sender: { id: citizen.userId },
          recipient: { id: oaId },
          message,
        }),
      ];
    }
    case "submit_info": {
      // Zalo's consent form is pre-filled from the account, so blank fields fall back to the Zalo profile.
      const name = nfc(act.name.trim()) || citizen.displayName;
      const address = nfc(act.address.trim());
      citizen.sharedInfo = { name, phone: citizen.phone, address };
      citizen.lastInteractionAt = now;
      logLine(citizen, `Đã chia sẻ thông tin: ${name}, ${address}`);
      const info =
        state.settings.submitInfoShape === "flat"
          ? { name, phone: citizen.phone, address, city: "", district: "" }
          : { name, phone: citizen.phone, full_address: { user_address: address, user_ward: "", user_city: "" } };
      return [
        await postWebhookEvent(state, {
          ...base,
          event_name: "user_submit_info",
          sender: { id: citizen.userId },
          recipient: { id: oaId },
          info,
        }),
      ];
    }
    case "feedback": {
      const templates = [...citizen.chat].reverse().filter((e) => e.kind === "template" && e.trackingId);
      const rated = templates.find((e) => e.templateId && simRatingTemplateIds.has(e.templateId)) ?? templates[0];
      if (!rated) throw new SimInputError("Chưa có tin nhắn theo mẫu nào để đánh giá.");
      const rate = Math.round(act.rate);
      if (!(rate >= 1 && rate <= 5)) throw new SimInputError("Chọn số sao từ 1 đến 5.");
      logLine(citizen, `Đã đánh giá ${rate} sao${act.note ? `: ${act.note}` : ""}`);
      return [
        await postWebhookEvent(state, {
          event_name: "user_feedback",
          oa_id: oaId,
          timestamp: ts,
          message: {
            rating_type: 5,
            rate,
            note: nfc(act.note?.trim() ?? ""),
            submit_time: ts,
            msg_id: rated.id,
            feedbacks: [],
            tracking_id: rated.trackingId,
          },
        }),
      ];
    }
    case "seen": {
      const results: WebhookResult[] = [];
      for (const entry of citizen.chat) {
        if (entry.direction !== "oa" || entry.seen) continue;
        entry.seen = true;
        const zns = entry.kind === "template";
        results.push(
          await postWebhookEvent(state, {
            ...base,
            event_name: "user_seen_message",
            sender: { id: oaId },
            recipient: { id: zns ? citizen.phone : citizen.userId },
            message: zns
              ? { msg_id: entry.id, tracking_id: entry.trackingId, seen_time: ts }
              : { msg_id: entry.id, msg_ids: [entry.id] },
          }),
        );
      }
      return results;
    }
  }
}

/** After an accepted send: tell the portal the message reached the phone (zalo-api.md §2.5 / §4.3). */
export function scheduleDeliveryStatus(
  state: SimState,
  citizen: SimCitizen,
  msgId: string,
  trackingId: string | undefined,
): void {
  if (!state.settings.deliveryStatuses) return;
  const { oaId } = simIdentity();
  setTimeout(() => {
    const entry = citizen.chat.find((e) => e.id === msgId);
    if (entry) entry.delivered = true;
    const send = state.sendsByMsgId.get(msgId);
    const now = Date.now();
    if (send) send.deliveredAt = now;
    const message = trackingId
      ? { delivery_time: String(now), msg_id: msgId, tracking_id: trackingId }
      : { msg_id: msgId, msg_ids: [msgId] };
    void postWebhookEvent(state, {
      event_name: "user_received_message",
      user_id_by_app: citizen.userIdByApp,
      timestamp: eventTimestamp(now),
      sender: { id: oaId },
      recipient: { id: trackingId ? citizen.phone : citizen.userId },
      message,
    });
  }, state.settings.receiptDelayMs).unref?.();
}

/** The oa_send_text echo of a consultation text the OA sent (zalo-api.md §3: sender = OA, recipient = user). */
export function echoOaMessage(state: SimState, citizen: SimCitizen, msgId: string, text: string): void {
  if (!state.settings.echoOaMessages || !text) return;
  const { oaId } = simIdentity();
  const now = Date.now();
  void postWebhookEvent(state, {
    event_name: "oa_send_text",
    timestamp: eventTimestamp(now),
    sender: { id: oaId },
    recipient: { id: citizen.userId },
    message: { msg_id: msgId, text },
  });
}
