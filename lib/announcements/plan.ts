import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, executedRows } from "@/db/client";
import type { Announcement, AnnouncementAudience, AnnouncementPlan, AnnouncementSettings } from "@/db/schema";
import { CONSULTATION_WINDOW_MS, capPeriodStarts, nextSendableAt } from "./time";

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The followers an audience names (following the OA only). */
function audienceFilter(audience: AnnouncementAudience, now: Date): SQL {
  const parts: SQL[] = [sql`f.following`];
  if (audience.kind === "segment") {
    if (audience.tags?.length)
      parts.push(sql`f.tags && ${`{${audience.tags.map((t) => `"${t.replaceAll('"', '\\"')}"`).join(",")}}`}::text[]`);
    if (audience.unitIds?.length) {
      const ids = sql.join(
        audience.unitIds.map((id) => sql`${id}`),
        sql`, `,
      );
      parts.push(sql`f.phone84 is not null and exists (select 1 from dossiers d where d.unit_id in (${ids})
        and (d.submitter_phone84 = f.phone84 or d.owner_phone84 = f.phone84))`);
    }
    if (audience.recency === "48h")
      parts.push(sql`f.last_interaction_at > ${iso(new Date(now.getTime() - CONSULTATION_WINDOW_MS))}`);
    if (audience.recency === "7d")
      parts.push(sql`f.last_interaction_at > ${iso(new Date(now.getTime() - 7 * 86_400_000))}`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * Each audience member with the channel it would get and why it is skipped, if it is: the month's and the
 * day's caps (announcements already sent to that follower), and for a segment the 48 h window at the moment
 * sending can start (06:00 when planned at night; a window that closes during the night is "quiet_hours").
 */
function decisions(
  a: Pick<Announcement, "id" | "audience" | "beyondWindow">,
  s: AnnouncementSettings,
  now: Date,
): { sql: SQL; startAt: Date } {
  const startAt = nextSendableAt(now, s);
  const { dayStart, monthStart } = capPeriodStarts(startAt);
  const segment = a.audience.kind === "segment";
  const beyond = a.beyondWindow ?? s.beyondWindow;
  const openAtStart = sql`f.last_interaction_at > ${iso(new Date(startAt.getTime() - CONSULTATION_WINDOW_MS))}`;
  const openNow = sql`f.last_interaction_at > ${iso(new Date(now.getTime() - CONSULTATION_WINDOW_MS))}`;
  const windowSkip =
    segment && beyond === "skip"
      ? sql`when not coalesce(${openAtStart}, false) then case when coalesce(${openNow}, false) then 'quiet_hours'
        else 'window' end`
      : sql``;
  const channel = segment ? sql`case when coalesce(${openAtStart}, false) then 'cs' else 'zbs' end` : sql`'broadcast'`;
  const query = sql`
    with sent as (
      select follower_id, count(*) as month_n, count(*) filter (where sent_at >= ${iso(dayStart)}) as day_n
      from announcement_recipients
      where status = 'sent' and sent_at >= ${iso(monthStart)} and announcement_id <> ${a.id}
      group by follower_id)
    select f.id as follower_id, f.oa_user_id,
      case when coalesce(s.month_n, 0) >= ${s.monthlyCap} then 'cap_month'
           when coalesce(s.day_n, 0) >= ${s.dailyCap} then 'cap_day'
           ${windowSkip} end as skip,
      ${channel} as channel
    from zalo_followers f left join sent s on s.follower_id = f.id
    where ${audienceFilter(a.audience, now)}`;
  return { sql: query, startAt };
}

/** Counts for the approver: how many would be sent, on which channel, and who is skipped for which reason. */
export async function previewPlan(
  db: DbOrTx,
  a: Pick<Announcement, "id" | "audience" | "beyondWindow">,
  s: AnnouncementSettings,
  now = new Date(),
): Promise<AnnouncementPlan> {
  const d = decisions(a, s, now);
  const rows = executedRows<{ skip: string | null; channel: string; n: string | number }>(
    await db.execute(sql`select skip, channel, count(*) as n from (${d.sql}) x group by skip, channel`),
  );
  return summarize(rows, d.startAt, now);
}

function summarize(
  rows: { skip: string | null; channel: string; n: string | number }[],
  startAt: Date,
  now: Date,
): AnnouncementPlan {
  const plan: AnnouncementPlan = {
    at: now.toISOString(),
    audience: 0,
    willSend: 0,
    byChannel: {},
    skipped: {},
    startAt: startAt.toISOString(),
  };
  for (const r of rows) {
    const n = Number(r.n);
    plan.audience += n;
    if (r.skip) plan.skipped[r.skip] = (plan.skipped[r.skip] ?? 0) + n;
    else {
      plan.willSend += n;
      plan.byChannel[r.channel] = (plan.byChannel[r.channel] ?? 0) + n;
    }
  }
  return plan;
}

/**
 * Writes one recipient row per audience member in one statement (queued, or skipped with its reason) and
 * returns the counts. Planning twice adds nothing: (announcement, follower) is unique.
 */
export async function writePlan(
  db: DbOrTx,
  a: Pick<Announcement, "id" | "audience" | "beyondWindow">,
  s: AnnouncementSettings,
  now = new Date(),
): Promise<AnnouncementPlan> {
  const d = decisions(a, s, now);
  await db.execute(sql`
    insert into announcement_recipients (announcement_id, follower_id, oa_user_id, channel, status, skip_reason,
      next_attempt_at)
    select ${a.id}, x.follower_id, x.oa_user_id, case when x.skip is null then x.channel end,
      case when x.skip is null then 'queued' else 'skipped' end, x.skip, ${iso(d.startAt)}
    from (${d.sql}) x
    on conflict (announcement_id, follower_id) do nothing`);
  const rows = executedRows<{ skip: string | null; channel: string; n: string | number }>(
    await db.execute(sql`select skip_reason as skip, coalesce(channel, '') as channel, count(*) as n
      from announcement_recipients where announcement_id = ${a.id} group by 1, 2`),
  );
  return summarize(rows, d.startAt, now);
}
