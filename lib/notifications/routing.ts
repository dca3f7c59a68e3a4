import type { NotificationRoute, NotificationTemplate } from "@/db/schema/notifications";
import { normalizeVnMobile } from "@/lib/phone";
import type { MessageContext } from "./fields";
import { renderCsText, renderZbsParams } from "./render";

/** Consultation messages are free only inside 48 h of the citizen's last interaction (zalo-api.md §6.4). */
const CS_WINDOW_MS = 48 * 3600_000;

export interface LinkedFollower {
  oaUserId: string;
  lastInteractionAt: Date | null;
}

export type RoutingDecision = { routes: NotificationRoute[] } | { skipReason: string };

export const skipReasons = {
  notRegistered: "Hồ sơ không đăng ký nhận thông báo qua Zalo",
  noMobile: "Hồ sơ không có số điện thoại di động hợp lệ để nhận tin Zalo",
  noTemplate: "Chưa cấu hình mẫu tin cho loại sự kiện này",
  disabled: "Mẫu tin cho loại sự kiện này đang tắt",
  noChannel: "Không có kênh gửi phù hợp (chưa có mẫu ZBS và người dân không tương tác với OA trong 48 giờ)",
} as const;

function followerWindowOpen(f: LinkedFollower | null, now: Date): boolean {
  return !!f?.lastInteractionAt && now.getTime() - f.lastInteractionAt.getTime() < CS_WINDOW_MS;
}

/**
 * The channels this event will use, in the template's order: ZBS needs a valid mobile and a template id,
 * CS a linked follower inside the 48-hour window. The first route is tried first, the rest are fallbacks.
 */
export function routeEvent(
  template: NotificationTemplate | undefined,
  ctx: MessageContext,
  follower: LinkedFollower | null,
  now: Date,
): RoutingDecision {
  const { payload } = ctx;
  if (!payload.notifyZalo) return { skipReason: skipReasons.notRegistered };
  const phone = normalizeVnMobile(payload.phone84);
  if (!phone) return { skipReason: skipReasons.noMobile };
  if (!template) return { skipReason: skipReasons.noTemplate };
  if (!template.enabled) return { skipReason: skipReasons.disabled };
  const routes: NotificationRoute[] = [];
  for (const channel of template.channels) {
    if (channel === "zbs" && template.zbsTemplateId) {
      routes.push({
        channel,
        recipient: phone,
        templateId: template.zbsTemplateId,
        params: renderZbsParams(template.zbsParams, ctx),
      });
    }
    if (channel === "cs" && template.csText && follower && followerWindowOpen(follower, now)) {
      routes.push({
        channel,
        recipient: follower.oaUserId,
        templateId: null,
        params: { text: renderCsText(template.csText, ctx) },
      });
    }
  }
  return routes.length ? { routes } : { skipReason: skipReasons.noChannel };
}
