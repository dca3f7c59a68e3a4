import { auditExport } from "@/lib/audit/export";
import { type SQL, and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { executedRows } from "@/db/client";
import {
  announcementRecipients,
  announcements,
  notifications,
  zaloFollowers,
  zaloIncomingMessages,
  zaloPhoneVerifications,
} from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { dbOf } from "@/lib/services/context";
import { displayVnPhone } from "@/lib/phone";
import { maskDigits } from "@/lib/privacy";
import { foldForSearch } from "@/lib/text";

/** A proven phone, a phone shared by user_submit_info but not yet proven (phone-proof.ts), or neither. */
export const followerPhoneStates = ["confirmed", "pending", "none"] as const;

const empty = (v: unknown) => (v === "" || v == null ? undefined : v);

const followerFilterSchema = z.object({
  q: z.preprocess(empty, z.string().max(100).optional()),
  following: z.preprocess(empty, z.enum(["yes", "no"]).optional()),
  phone: z.preprocess(empty, z.enum(followerPhoneStates).optional()),
  tag: z.preprocess(empty, z.string().max(50).optional()),
  recency: z.preprocess(empty, z.enum(["48h", "7d", "older"]).optional()),
  since: z.preprocess(
    empty,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  ),
  page: z.preprocess(empty, z.coerce.number().int().min(1).max(100_000).optional()),
});
export type FollowerFilter = z.infer<typeof followerFilterSchema>;

/** Parses query-string filters leniently: an unreadable filter is dropped, not an error page. */
export function parseFollowerFilter(raw: Record<string, unknown>): FollowerFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const one = followerFilterSchema.shape[k as keyof FollowerFilter]?.safeParse(Array.isArray(v) ? v[0] : v);
    if (one?.success) out[k] = one.data;
  }
  return out as FollowerFilter;
}

/** Name without diacritics (word start), or the shared phone (confirmed or claimed) by its digits. */
function conditions(f: FollowerFilter, now: Date): SQL[] {
  const c: SQL[] = [];
  const term = f.q?.trim();
  if (term) {
    const digits = term.replace(/\D/g, "");
    const folded = foldForSearch(term).replace(/[%_\\]/g, "");
    const byName = sql`(' ' || coalesce(${zaloFollowers.nameKey},
      lower(f_unaccent(coalesce(${zaloFollowers.displayName}, ''))))) like ${`% ${folded}%`}`;
    if (digits.length >= 3 && digits.length === term.replace(/[\s.+]/g, "").length) {
      const tail = digits.startsWith("0") ? digits.slice(1) : digits;
      const like = `%${tail}%`;
      c.push(sql`(${zaloFollowers.phone84} like ${like} or ${zaloFollowers.phoneClaim84} like ${like} or ${byName})`);
    } else c.push(byName);
  }
  if (f.following) c.push(eq(zaloFollowers.following, f.following === "yes"));
  if (f.phone === "confirmed") c.push(sql`${zaloFollowers.phone84} is not null`);
  if (f.phone === "pending") c.push(sql`${zaloFollowers.phoneClaim84} is not null`);
  if (f.phone === "none") c.push(sql`${zaloFollowers.phone84} is null and ${zaloFollowers.phoneClaim84} is null`);
  if (f.tag) c.push(sql`${zaloFollowers.tags} @> array[${f.tag}]::text[]`);
  const h48 = new Date(now.getTime() - 48 * 3600_000).toISOString();
  const d7 = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  if (f.recency === "48h") c.push(sql`${zaloFollowers.lastInteractionAt} > ${h48}::timestamptz`);
  if (f.recency === "7d") c.push(sql`${zaloFollowers.lastInteractionAt} > ${d7}::timestamptz`);
  if (f.recency === "older")
    c.push(
      sql`(${zaloFollowers.lastInteractionAt} is null or ${zaloFollowers.lastInteractionAt} <= ${d7}::timestamptz)`,
    );
  if (f.since)
    c.push(sql`${zaloFollowers.followedAt} >= (${f.since}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  return c;
}

export const FOLLOWER_PAGE_SIZE = 50;

/**
 * A claim is a number anyone could have typed into the share form: staff see it masked until the follower proves
 * it, with when the last code for it went out (null: none sent yet).
 */
function claimOf(phone84: string | null, codeSentAt: Date | null) {
  return phone84 ? { masked: maskDigits(displayVnPhone(phone84)), codeSentAt } : null;
}

/**
 * The OA's followers (province-wide: a follower belongs to no unit) for staff who publish or approve
 * announcements. Counts cover the whole filtered set; one page of rows.
 */
export async function listFollowers(ctx: Ctx, f: FollowerFilter, opts: { all?: boolean } = {}) {
  requirePermission(ctx, "announcements.read");
  const db = dbOf(ctx);
  const where = and(...conditions(f, ctx.now ?? new Date()));
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      following: sql<number>`count(*) filter (where ${zaloFollowers.following})::int`,
      linked: sql<number>`count(*) filter (where ${zaloFollowers.phone84} is not null)::int`,
      pending: sql<number>`count(*) filter (where ${zaloFollowers.phoneClaim84} is not null)::int`,
    })
    .from(zaloFollowers)
    .where(where);
  const page = f.page ?? 1;
  const q = db
    .select({
      id: zaloFollowers.id,
      displayName: zaloFollowers.displayName,
      avatar: zaloFollowers.avatar,
      following: zaloFollowers.following,
      followedAt: zaloFollowers.followedAt,
      phone84: zaloFollowers.phone84,
      phoneClaim84: zaloFollowers.phoneClaim84,
      // The latest code sent for the current claim, in the same statement (no query per row). Spelled out:
      // drizzle writes a column inside a select's sql without its table, which here would mean v's own id.
      claimCodeSentAt: sql<Date | null>`(select max(v.sent_at) from ${zaloPhoneVerifications} v
        where v.follower_id = zalo_followers.id and v.phone84 = zalo_followers.phone_claim84)`.mapWith(
        zaloPhoneVerifications.sentAt,
      ),
      tags: zaloFollowers.tags,
      lastInteractionAt: zaloFollowers.lastInteractionAt,
    })
    .from(zaloFollowers)
    .where(where)
    .orderBy(sql`${zaloFollowers.lastInteractionAt} desc nulls last`, desc(zaloFollowers.id));
  const rows = opts.all
    ? await q.limit(200_000)
    : await q.limit(FOLLOWER_PAGE_SIZE).offset((page - 1) * FOLLOWER_PAGE_SIZE);
  const items = rows.map(({ phoneClaim84, claimCodeSentAt, ...r }) => ({
    ...r,
    claim: claimOf(phoneClaim84, claimCodeSentAt),
  }));
  // Everything at once is the CSV export: a bulk copy of personal data, audited with its filter and size.
  if (opts.all) await auditExport({ ...ctx, db }, { kind: "followers", filter: { ...f }, rows: items.length });
  return { counts, items, page };
}

/** Every tag in use, with how many followers carry it. */
export async function followerTags(ctx: Ctx): Promise<{ tag: string; count: number }[]> {
  requirePermission(ctx, "announcements.read");
  return executedRows<{ tag: string; count: number }>(
    await dbOf(ctx).execute(
      sql`select t as tag, count(*)::int as count from zalo_followers, unnest(tags) t group by t order by t`,
    ),
  );
}

/** One follower with what the OA sent them (announcements, dossier messages) and what they wrote. */
export async function getFollower(ctx: Ctx, id: number) {
  requirePermission(ctx, "announcements.read");
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = dbOf(ctx);
  const [follower] = await db.select().from(zaloFollowers).where(eq(zaloFollowers.id, id));
  if (!follower) return null;
  const received = await db
    .select({
      announcementId: announcements.id,
      title: announcements.title,
      status: announcementRecipients.status,
      channel: announcementRecipients.channel,
      skipReason: announcementRecipients.skipReason,
      error: announcementRecipients.lastError,
      sentAt: announcementRecipients.sentAt,
      updatedAt: announcementRecipients.updatedAt,
    })
    .from(announcementRecipients)
    .innerJoin(announcements, eq(announcements.id, announcementRecipients.announcementId))
    .where(eq(announcementRecipients.followerId, id))
    .orderBy(desc(announcementRecipients.updatedAt))
    .limit(200);
  const dossierMessages = await db
    .select({
      id: notifications.id,
      eventType: notifications.eventType,
      status: notifications.status,
      at: notifications.updatedAt,
      text: sql<string | null>`${notifications.params}->>'text'`,
    })
    .from(notifications)
    .where(and(eq(notifications.channel, "cs"), eq(notifications.recipient, follower.oaUserId)))
    .orderBy(desc(notifications.updatedAt))
    .limit(100);
  const wrote = await db
    .select({
      id: zaloIncomingMessages.id,
      text: zaloIncomingMessages.text,
      kind: zaloIncomingMessages.kind,
      at: zaloIncomingMessages.receivedAt,
    })
    .from(zaloIncomingMessages)
    .where(eq(zaloIncomingMessages.followerId, id))
    .orderBy(desc(zaloIncomingMessages.receivedAt))
    .limit(200);
  return { follower, received, dossierMessages, wrote };
}
