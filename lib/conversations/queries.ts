import { type SQL, and, asc, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type ConversationCategory,
  type ConversationStatus,
  cannedAnswers,
  conversationCategories,
  conversationMessages,
  conversationStatuses,
  conversations,
  staff,
  units,
  zaloFollowers,
} from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope, unitScopeOf } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { dbOf } from "@/lib/services/context";
import { foldForSearch } from "@/lib/text";
import { z } from "zod";

export { conversationCategories, conversationPriorities, conversationStatuses } from "@/db/schema";

export const inboxViews = ["all", "mine", "unassigned", "unit"] as const;

export const inboxFilterSchema = z.object({
  view: z.enum(inboxViews).catch("all"),
  status: z.enum(conversationStatuses).optional().catch(undefined),
  category: z.enum(conversationCategories).optional().catch(undefined),
  overdue: z.preprocess((v) => v === "1" || v === true, z.boolean()).catch(false),
  waiting: z.preprocess((v) => v === "1" || v === true, z.boolean()).catch(false),
  q: z
    .string()
    .optional()
    .transform((v) => (v ? foldForSearch(v).slice(0, 100) : undefined))
    .catch(undefined),
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

const PAGE_SIZE = 50;
const assignee = alias(staff, "assignee");

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterConditions(ctx: Ctx, f: InboxFilter, now: Date): SQL[] {
  const c = conversations;
  // A subtree's per-unit index scans cannot return rows in global order; "+ 0" leaves the recency index to the planner.
  const conds: SQL[] = [inUnitScope(ctx, unitScopeOf(ctx).kind === "subtree" ? sql`(${c.unitId} + 0)` : c.unitId)];
  if (f.view === "mine") conds.push(eq(c.assigneeId, ctx.actor.id ?? -1));
  if (f.view === "unassigned") conds.push(isNull(c.assigneeId));
  if (f.view === "unit") conds.push(eq(c.unitId, ctx.actor.unitId ?? -1));
  if (f.status) conds.push(eq(c.status, f.status as ConversationStatus));
  if (f.category) conds.push(eq(c.category, f.category as ConversationCategory));
  if (f.overdue) conds.push(and(ne(c.status, "resolved"), lt(c.dueAt, now))!);
  if (f.waiting) conds.push(eq(c.status, "pending"));
  if (f.q && f.q.length >= 2) conds.push(sql`${c.searchText} like ${likeTerm(f.q)}`);
  return conds;
}

const likeTerm = (q: string) => `%${escapeLike(q)}%`;

/** The inbox: the caller's scope, filters, newest activity first, 50 a page. */
export async function listConversations(ctx: Ctx, filter: InboxFilter) {
  requirePermission(ctx, "conversations.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const c = conversations;
  return db
    .select({
      id: c.id,
      status: c.status,
      category: c.category,
      priority: c.priority,
      subject: c.subject,
      referenceNumber: c.referenceNumber,
      dueAt: c.dueAt,
      waitingSince: c.waitingSince,
      unreadCount: c.unreadCount,
      lastMessageAt: c.lastMessageAt,
      labels: c.labels,
      unitName: units.name,
      assigneeName: assignee.fullName,
      citizenName: sql<string>`coalesce(${zaloFollowers.sharedName}, ${zaloFollowers.displayName}, 'Người dân')`,
    })
    .from(c)
    .innerJoin(units, eq(units.id, c.unitId))
    .innerJoin(zaloFollowers, eq(zaloFollowers.id, c.followerId))
    .leftJoin(assignee, eq(assignee.id, c.assigneeId))
    .where(and(...filterConditions(ctx, filter, now)))
    .orderBy(desc(c.lastMessageAt), desc(c.id))
    .limit(PAGE_SIZE);
}

/** Conversations with unread citizen messages in the caller's scope: the navigation badge. */
export async function countUnread(ctx: Ctx): Promise<number> {
  requirePermission(ctx, "conversations.read");
  const db = dbOf(ctx);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(gt(conversations.unreadCount, 0), inUnitScope(ctx, conversations.unitId)));
  return row?.n ?? 0;
}

/** One conversation with its timeline, follower, and what the view offers (staff to assign, units, canned answers). */
export async function getConversation(ctx: Ctx, id: number) {
  requirePermission(ctx, "conversations.read");
  const db = dbOf(ctx);
  const [row] = await db
    .select({
      conversation: conversations,
      follower: zaloFollowers,
      unitName: units.name,
      assigneeName: assignee.fullName,
    })
    .from(conversations)
    .innerJoin(zaloFollowers, eq(zaloFollowers.id, conversations.followerId))
    .innerJoin(units, eq(units.id, conversations.unitId))
    .leftJoin(assignee, eq(assignee.id, conversations.assigneeId))
    .where(and(eq(conversations.id, id), inUnitScope(ctx, conversations.unitId)));
  if (!row) throw new NotFoundError("errors.notFound.conversation");
  const c = row.conversation;
  const [messages, unitStaff, allUnits, canned, history] = await Promise.all([
    db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, c.id))
      .orderBy(asc(conversationMessages.at), asc(conversationMessages.id)),
    db
      .select({ id: staff.id, fullName: staff.fullName })
      .from(staff)
      .where(and(eq(staff.unitId, c.unitId), eq(staff.active, true)))
      .orderBy(asc(staff.fullName)),
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.active, true)).orderBy(asc(units.path)),
    db
      .select()
      .from(cannedAnswers)
      .where(or(isNull(cannedAnswers.unitId), eq(cannedAnswers.unitId, c.unitId)))
      .orderBy(asc(cannedAnswers.title)),
    db
      .select({
        id: conversations.id,
        status: conversations.status,
        subject: conversations.subject,
        lastMessageAt: conversations.lastMessageAt,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.followerId, c.followerId),
          ne(conversations.id, c.id),
          inUnitScope(ctx, conversations.unitId),
        ),
      )
      .orderBy(desc(conversations.lastMessageAt))
      .limit(10),
  ]);
  return { ...row, messages, unitStaff, units: allUnits, canned, history };
}
