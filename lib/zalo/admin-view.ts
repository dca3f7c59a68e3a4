import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings } from "@/db/schema";
import { type Ctx, can, requirePermission } from "@/lib/auth/actor";
import { type ZaloAlert, zaloAlerts } from "./alerts";
import { zaloOauthCallbackUrl, zaloWebhookUrl } from "./connect";
import { getZaloSettingsSummary } from "./settings";
import { getTokenState } from "./tokens";
import { dbOf } from "@/lib/services/context";

/** ZBS development mode, read from the sending settings row as the alerts read it (off until set). */
async function zbsDevelopmentMode(db: DbOrTx): Promise<boolean> {
  const s = notificationSettings;
  const [row] = await db.select({ on: s.zbsDevelopmentMode }).from(s).where(eq(s.id, 1));
  return row?.on ?? false;
}

/** Everything the /admin/zalo page shows; no secret leaves this function. */
export async function zaloAdminView(ctx: Ctx) {
  requirePermission(ctx, "zalo.settings");
  const db = dbOf(ctx);
  const [settings, token, developmentMode] = await Promise.all([
    getZaloSettingsSummary(db),
    getTokenState(db),
    zbsDevelopmentMode(db),
  ]);
  return { settings, token, webhookUrl: zaloWebhookUrl(), callbackUrl: zaloOauthCallbackUrl(), developmentMode };
}

/**
 * The shell's alerts: admins who can fix the Zalo connection learn on every page that its token refresh failed,
 * webhook deliveries are refused, the ZBS balance is spent or development mode is on.
 */
export async function zaloShellAlerts(ctx: Ctx): Promise<ZaloAlert[] | null> {
  if (!can(ctx, "zalo.settings")) return null;
  return zaloAlerts(dbOf(ctx));
}
