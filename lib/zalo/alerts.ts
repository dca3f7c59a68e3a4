import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings, zaloTokens, zaloWebhookHealth } from "@/db/schema";
import { config } from "./config";

export type ZaloAlertKind =
  "token_failed" | "webhook_signature" | "webhook_unconfigured" | "zbs_balance" | "zbs_development_mode";

export interface ZaloAlert {
  kind: ZaloAlertKind;
  since: Date | null;
  count?: number;
}

/**
 * What an administrator must act on about the Zalo connection: a failed token refresh, webhook deliveries refused
 * (wrong OA secret, or events while the OA is not configured — Zalo disables such a webhook), ZBS paused for an
 * empty balance, and development mode left on. One small read, for every page and the health endpoint.
 */
export async function zaloAlerts(db: DbOrTx): Promise<ZaloAlert[]> {
  const [row] = await db
    .select({
      tokenState: zaloTokens.state,
      tokenErrorAt: zaloTokens.lastErrorAt,
      signatureFailures: zaloWebhookHealth.signatureFailures,
      unconfiguredEvents: zaloWebhookHealth.unconfiguredEvents,
      refusedSince: zaloWebhookHealth.firstRefusedAt,
      balanceExhaustedAt: notificationSettings.balanceExhaustedAt,
      developmentMode: notificationSettings.zbsDevelopmentMode,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(zaloTokens, eq(zaloTokens.id, 1))
    .leftJoin(zaloWebhookHealth, eq(zaloWebhookHealth.id, 1))
    .leftJoin(notificationSettings, eq(notificationSettings.id, 1));
  const alerts: ZaloAlert[] = [];
  if (!row) return alerts;
  if (row.tokenState === "failed") alerts.push({ kind: "token_failed", since: row.tokenErrorAt });
  if ((row.signatureFailures ?? 0) >= config.webhookSignatureAlertAfter) {
    alerts.push({ kind: "webhook_signature", since: row.refusedSince, count: row.signatureFailures ?? 0 });
  }
  if ((row.unconfiguredEvents ?? 0) > 0) {
    alerts.push({ kind: "webhook_unconfigured", since: row.refusedSince, count: row.unconfiguredEvents ?? 0 });
  }
  if (row.balanceExhaustedAt) alerts.push({ kind: "zbs_balance", since: row.balanceExhaustedAt });
  if (row.developmentMode) alerts.push({ kind: "zbs_development_mode", since: null });
  return alerts;
}
