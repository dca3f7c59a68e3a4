import { getDb } from "@/db/client";
import { type Ctx, can, requirePermission } from "@/lib/auth/actor";
import { zaloOauthCallbackUrl, zaloWebhookUrl } from "./connect";
import { getZaloSettingsSummary } from "./settings";
import { getTokenState, tokenRefreshFailed } from "./tokens";

/** Everything the /admin/zalo page shows; no secret leaves this function. */
export async function zaloAdminView(ctx: Ctx) {
  requirePermission(ctx, "zalo.settings");
  const db = getDb();
  const [settings, token] = await Promise.all([getZaloSettingsSummary(db), getTokenState(db)]);
  return { settings, token, webhookUrl: zaloWebhookUrl(), callbackUrl: zaloOauthCallbackUrl() };
}

/** The shell's alert: admins who can reconnect the OA learn on every page that its token refresh failed. */
export async function zaloTokenAlertShown(ctx: Ctx): Promise<boolean> {
  if (!can(ctx, "zalo.settings")) return false;
  return tokenRefreshFailed(getDb());
}
