import { getDb } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { zaloOauthCallbackUrl, zaloWebhookUrl } from "./connect";
import { getZaloSettingsSummary } from "./settings";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { getTokenState } from "./tokens";

/** Everything the /admin/zalo page shows; no secret leaves this function. */
export async function zaloAdminView(ctx: Ctx) {
  requirePermission(ctx, "zalo.settings");
  const db = getDb();
  const [settings, token, sending] = await Promise.all([
    getZaloSettingsSummary(db),
    getTokenState(db),
    getNotificationSettings(db),
  ]);
  const developmentMode = sending.zbsDevelopmentMode;
  return { settings, token, webhookUrl: zaloWebhookUrl(), callbackUrl: zaloOauthCallbackUrl(), developmentMode };
}
