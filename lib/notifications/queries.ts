import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossiers, notificationTemplates, notifications } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dbOf } from "@/lib/services/context";
import { getTokenState } from "@/lib/zalo/tokens";
import { quotaStopped } from "./quota";
import { getNotificationSettings } from "./settings";
import { trackingIdOf } from "./tracking";

/** Each notification of one dossier, oldest first, with the dossier's SMS tick (recorded, not sent). */
export async function listDossierNotifications(ctx: Ctx, dossierId: number) {
  requirePermission(ctx, "notifications.read");
  const db = dbOf(ctx);
  const [dossier] = await db
    .select({ id: dossiers.id, notifyZalo: dossiers.notifyZalo, notifySms: dossiers.notifySms })
    .from(dossiers)
    .where(and(eq(dossiers.id, dossierId), inUnitScope(ctx, dossiers.unitId)));
  if (!dossier) return null;
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.dossierId, dossierId))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
  const labels = await templateLabels(
    db,
    rows.map((r) => r.eventType),
  );
  return {
    dossier,
    items: rows.map((r) => ({
      ...r,
      trackingId: trackingIdOf(r.id),
      eventLabel: labels.get(r.eventType) ?? r.eventType,
    })),
  };
}

async function templateLabels(db: DbOrTx, types: string[]): Promise<Map<string, string>> {
  if (!types.length) return new Map();
  const rows = await db
    .select({ eventType: notificationTemplates.eventType, label: notificationTemplates.label })
    .from(notificationTemplates)
    .where(inArray(notificationTemplates.eventType, [...new Set(types)]));
  return new Map(rows.map((r) => [r.eventType, r.label]));
}

const since = (hours: number) => sql`now() - ${`${hours} hours`}::interval`;

/** "Tình trạng gửi tin": queue, sends and failures by reason (24 h, 7 days), token and quota, permanent failures. */
export async function deliveryOverview(ctx: Ctx) {
  requirePermission(ctx, "notifications.admin");
  const db = dbOf(ctx);
  const scope = inUnitScope(ctx, notifications.unitId);
  const [queue] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${notifications.status} in ('queued', 'failed_temporary'))::int`,
      due: sql<number>`count(*) filter (where ${notifications.status} in ('queued', 'failed_temporary')
        and ${notifications.nextAttemptAt} <= now())::int`,
      sending: sql<number>`count(*) filter (where ${notifications.status} = 'sending')::int`,
      oldestDue: sql<
        string | null
      >`min(${notifications.nextAttemptAt}) filter (where ${notifications.status} in ('queued', 'failed_temporary')
        and ${notifications.nextAttemptAt} <= now())`,
    })
    .from(notifications)
    .where(scope);

  const windowStats = async (hours: number) => {
    const [counts] = await db
      .select({
        sent: sql<number>`count(*) filter (where ${notifications.sentAt} > ${since(hours)})::int`,
        delivered: sql<number>`count(*) filter (where ${notifications.deliveredAt} > ${since(hours)})::int`,
        seen: sql<number>`count(*) filter (where ${notifications.seenAt} > ${since(hours)})::int`,
        failedPermanent: sql<number>`count(*) filter (where ${notifications.status} = 'failed_permanent'
          and ${notifications.failedAt} > ${since(hours)})::int`,
        skipped: sql<number>`count(*) filter (where ${notifications.status} = 'skipped'
          and ${notifications.createdAt} > ${since(hours)})::int`,
      })
      .from(notifications)
      .where(scope);
    const reasons = await db
      .select({
        code: notifications.lastErrorCode,
        reason: notifications.lastError,
        status: notifications.status,
        count: sql<number>`count(*)::int`,
      })
      .from(notifications)
      .where(
        and(
          scope,
          inArray(notifications.status, ["failed_permanent", "failed_temporary"]),
          gt(notifications.updatedAt, since(hours)),
        ),
      )
      .groupBy(notifications.lastErrorCode, notifications.lastError, notifications.status)
      .orderBy(desc(sql`count(*)`))
      .limit(20);
    return { ...counts, reasons };
  };

  const failures = await db
    .select()
    .from(notifications)
    .where(and(scope, eq(notifications.status, "failed_permanent")))
    .orderBy(desc(notifications.failedAt))
    .limit(100);
  const labels = await templateLabels(
    db,
    failures.map((f) => f.eventType),
  );
  const dossierCodes = failures.length
    ? new Map(
        (
          await db
            .select({ id: dossiers.id, code: dossiers.code })
            .from(dossiers)
            .where(
              inArray(dossiers.id, [...new Set(failures.flatMap((f) => (f.dossierId == null ? [] : [f.dossierId])))]),
            )
        ).map((d) => [d.id, d.code]),
      )
    : new Map<number, string>();
  const settings = await getNotificationSettings(db);
  return {
    queue,
    last24h: await windowStats(24),
    last7d: await windowStats(24 * 7),
    token: await getTokenState(db),
    quota: {
      dailyQuota: settings.dailyQuota,
      remainingQuota: settings.remainingQuota,
      updatedAt: settings.quotaUpdatedAt,
      stoppedUntil: quotaStopped(settings) ? settings.quotaExhaustedUntil : null,
    },
    rate: { enabled: settings.rateLimitEnabled, perMinute: settings.ratePerMinute },
    failures: failures.map((f) => ({
      ...f,
      trackingId: trackingIdOf(f.id),
      eventLabel: labels.get(f.eventType) ?? f.eventType,
      dossierCode: (f.dossierId != null && dossierCodes.get(f.dossierId)) || null,
    })),
  };
}

export async function listNotificationTemplates(ctx: Ctx) {
  requirePermission(ctx, "templates.manage");
  return dbOf(ctx).select().from(notificationTemplates).orderBy(asc(notificationTemplates.label));
}

export async function getNotificationTemplate(ctx: Ctx, eventType: string) {
  requirePermission(ctx, "templates.manage");
  const [row] = await dbOf(ctx)
    .select()
    .from(notificationTemplates)
    .where(eq(notificationTemplates.eventType, eventType));
  return row ?? null;
}
