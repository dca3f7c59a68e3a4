import { auditExport } from "@/lib/audit/export";
import { and, desc, eq, sql } from "drizzle-orm";
import { executedRows } from "@/db/client";
import {
  type Announcement,
  type AnnouncementPlan,
  type AnnouncementStatus,
  type SkipReason,
  announcementRecipients,
  announcements,
  staff,
  units,
} from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { previewPlan } from "./plan";
import { getAnnouncementSettings } from "./settings";
import { vi } from "@/lib/i18n/messages/vi";
import { dbOf } from "@/lib/services/context";

export { announcementStatuses } from "@/db/schema";

export interface AnnouncementListItem {
  id: number;
  title: string;
  category: Announcement["category"];
  status: AnnouncementStatus;
  unitName: string;
  authorName: string | null;
  updatedAt: Date;
  scheduledAt: Date | null;
  audienceKind: "all" | "segment";
  source: Announcement["source"];
}

/** The announcements of the caller's unit scope, newest first, optionally one status. */
export async function listAnnouncements(
  ctx: Ctx,
  filter: { status?: AnnouncementStatus },
): Promise<{ items: AnnouncementListItem[] }> {
  requirePermission(ctx, "announcements.read");
  const rows = await dbOf(ctx)
    .select({
      id: announcements.id,
      title: announcements.title,
      category: announcements.category,
      status: announcements.status,
      unitName: units.name,
      authorName: staff.fullName,
      updatedAt: announcements.updatedAt,
      scheduledAt: announcements.scheduledAt,
      audience: announcements.audience,
      source: announcements.source,
    })
    .from(announcements)
    .innerJoin(units, eq(units.id, announcements.unitId))
    .leftJoin(staff, eq(staff.id, announcements.createdBy))
    .where(
      and(inUnitScope(ctx, announcements.unitId), filter.status ? eq(announcements.status, filter.status) : undefined),
    )
    .orderBy(desc(announcements.updatedAt))
    .limit(500);
  return { items: rows.map(({ audience, ...r }) => ({ ...r, audienceKind: audience.kind })) };
}

/** One announcement in the caller's scope, or null. */
export async function getAnnouncement(ctx: Ctx, id: number): Promise<Announcement | null> {
  requirePermission(ctx, "announcements.read");
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await dbOf(ctx)
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), inUnitScope(ctx, announcements.unitId)));
  return row ?? null;
}

export interface SendProgress {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  cancelled: number;
  remaining: number;
  percent: number;
  ratePerMinute: number;
  etaAt: string | null;
  skippedByReason: Record<string, number>;
  failedByReason: Record<string, number>;
  sentByChannel: Record<string, number>;
}

/**
 * Live counts of a send (recipient rows), with the pace of the last minute and the end it implies. The caller has
 * already found the announcement in its scope.
 */
export async function sendProgress(ctx: Ctx, announcementId: number): Promise<SendProgress> {
  const now = ctx.now ?? new Date();
  const rows = executedRows<{
    status: string;
    reason: string | null;
    channel: string | null;
    n: string | number;
    recent: string | number;
  }>(
    await dbOf(ctx).execute(sql`
      select status, case when status = 'skipped' then skip_reason when status = 'failed_permanent' then
        coalesce(last_error, '') end as reason,
        case when status = 'sent' then channel end as channel, count(*) as n,
        count(*) filter (where status = 'sent' and sent_at
          > ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz) as recent
      from announcement_recipients where announcement_id = ${announcementId} group by 1, 2, 3`),
  );
  const p: SendProgress = {
    total: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
    remaining: 0,
    percent: 0,
    ratePerMinute: 0,
    etaAt: null,
    skippedByReason: {},
    failedByReason: {},
    sentByChannel: {},
  };
  for (const r of rows) {
    const n = Number(r.n);
    p.total += n;
    p.ratePerMinute += Number(r.recent);
    if (r.status === "sent") {
      p.sent += n;
      if (r.channel) p.sentByChannel[r.channel] = (p.sentByChannel[r.channel] ?? 0) + n;
    } else if (r.status === "failed_permanent") {
      p.failed += n;
      const reason = r.reason || vi.announcements.errors.unknownReason;
      p.failedByReason[reason] = (p.failedByReason[reason] ?? 0) + n;
    } else if (r.status === "skipped") {
      p.skipped += n;
      if (r.reason) p.skippedByReason[r.reason] = (p.skippedByReason[r.reason] ?? 0) + n;
    } else if (r.status === "cancelled") p.cancelled += n;
    else p.remaining += n;
  }
  p.percent = p.total ? Math.floor(((p.total - p.remaining) / p.total) * 100) : 0;
  if (p.remaining && p.ratePerMinute)
    p.etaAt = new Date(now.getTime() + (p.remaining / p.ratePerMinute) * 60_000).toISOString();
  return p;
}

/** Progress of an announcement in the caller's scope. */
export async function announcementProgress(
  ctx: Ctx,
  id: number,
): Promise<(SendProgress & { status: AnnouncementStatus }) | null> {
  const a = await getAnnouncement(ctx, id);
  if (!a) return null;
  return { status: a.status, ...(await sendProgress(ctx, a.id)) };
}

export interface RecipientReportRow {
  name: string | null;
  oaUserId: string;
  status: string;
  channel: string | null;
  skipReason: SkipReason | null;
  error: string | null;
  sentAt: Date | null;
}

/** Every recipient of a send, for the report's CSV. */
export async function announcementRecipientsReport(
  ctx: Ctx,
  id: number,
): Promise<{ announcement: Announcement; rows: RecipientReportRow[] } | null> {
  const a = await getAnnouncement(ctx, id);
  if (!a) return null;
  const rows = await dbOf(ctx)
    .select({
      name: sql<
        string | null
      >`(select display_name from zalo_followers f where f.id = ${announcementRecipients.followerId})`,
      oaUserId: announcementRecipients.oaUserId,
      status: announcementRecipients.status,
      channel: announcementRecipients.channel,
      skipReason: announcementRecipients.skipReason,
      error: announcementRecipients.lastError,
      sentAt: announcementRecipients.sentAt,
    })
    .from(announcementRecipients)
    .where(eq(announcementRecipients.announcementId, a.id))
    .orderBy(announcementRecipients.id);
  await auditExport(ctx, {
    kind: "announcement_recipients",
    entityId: a.id,
    filter: { announcementId: a.id },
    rows: rows.length,
  });
  return { announcement: a, rows };
}

/** The planner's counts as of now (who would be sent, who skipped and why), shown to the approver. */
export async function announcementPlanPreview(ctx: Ctx, id: number): Promise<AnnouncementPlan | null> {
  const a = await getAnnouncement(ctx, id);
  if (!a) return null;
  const db = dbOf(ctx);
  return previewPlan(db, a, await getAnnouncementSettings(db));
}
