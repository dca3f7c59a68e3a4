import { and, desc, eq, gte, ne, sql } from "drizzle-orm";
import { type Db, type DbOrTx, pgArrayLiteral } from "@/db/client";
import { type Conversation, type ConversationCategory, conversationMessages, conversations } from "@/db/schema";
import type { Follower } from "@/lib/followers/record";
import type { IncomingMessage } from "./incoming";
import { categoryFromMenu, isPetition } from "./labels";
import { owningUnitFor } from "./owner";
import { appendSearchText } from "./outbox";
import { deadlineFor, openPetition } from "./petition";
import { acceptsSatisfaction, parseSatisfaction, recordSatisfaction } from "./satisfaction";
import { dossiersOfPhone, findDossierCodes, mergeSuggestions } from "./suggest";

/** A resolved conversation the citizen writes to again within this time is reopened with its history. */
export const REOPEN_WITHIN_MS = 7 * 24 * 3600_000;
const LOCK_NAMESPACE = 1_500_000_000_000;
const SUBJECT_MAX = 160;

/** Serialises everything that picks a follower's conversation, so two messages never open two. */
export async function lockFollowerConversations(tx: DbOrTx, followerId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE + followerId}::bigint)`);
}

/** lockFollowerConversations for many followers, taken in id order so that two batches cannot deadlock. */
export async function lockManyFollowersConversations(tx: DbOrTx, followerIds: number[]): Promise<void> {
  const ids = pgArrayLiteral([...new Set(followerIds)].sort((a, b) => a - b));
  await tx.execute(sql`select pg_advisory_xact_lock(k) from (
    select ${LOCK_NAMESPACE}::bigint + id as k from unnest(${ids}::bigint[]) as id order by id) as ordered`);
}

export async function messageExists(tx: DbOrTx, msgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(eq(conversationMessages.zaloMsgId, msgId))
    .limit(1);
  return !!row;
}

/** The follower's open or pending conversation, else the latest resolved one if recent enough to reopen. */
export async function currentConversation(
  tx: DbOrTx,
  followerId: number,
  at: Date,
): Promise<{ conversation: Conversation | null; reopen: boolean }> {
  const [active] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.followerId, followerId), ne(conversations.status, "resolved")))
    .for("update");
  if (active) return { conversation: active, reopen: false };
  const [recent] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.followerId, followerId),
        gte(conversations.resolvedAt, new Date(at.getTime() - REOPEN_WITHIN_MS)),
      ),
    )
    .orderBy(desc(conversations.resolvedAt))
    .limit(1)
    .for("update");
  return { conversation: recent ?? null, reopen: !!recent };
}

export function subjectOf(msg: IncomingMessage): string {
  const text = msg.text?.replace(/\s+/g, " ").trim();
  if (text) return text.length > SUBJECT_MAX ? `${text.slice(0, SUBJECT_MAX - 1)}…` : text;
  return `[${msg.kind}]`;
}

async function openConversation(
  tx: DbOrTx,
  follower: Follower,
  msg: IncomingMessage,
  category: ConversationCategory,
  dossierUnits: number[],
): Promise<Conversation> {
  const unitId = await owningUnitFor(tx, dossierUnits);
  const dueAt = await deadlineFor(tx, unitId, category, msg.at);
  const [row] = await tx
    .insert(conversations)
    .values({
      followerId: follower.id,
      unitId,
      category,
      subject: subjectOf(msg),
      lastMessageAt: msg.at,
      dueAt,
      createdAt: msg.at,
    })
    .returning();
  return row;
}

/**
 * The inbox hook of the webhook pipeline: a citizen's message that is not a look-up joins the follower's
 * open conversation, reopens a recently resolved one (history kept), or opens a new one. Idempotent on
 * Zalo's msg_id, so a redelivered or retried event adds nothing. Returns null for a duplicate.
 */
export async function addIncomingMessage(
  db: Db,
  follower: Follower,
  msg: IncomingMessage,
): Promise<{ conversationId: number; messageId: number } | null> {
  return db.transaction(async (tx) => {
    await lockFollowerConversations(tx, follower.id);
    if (await messageExists(tx, msg.msgId)) return null;
    const menuCategory = msg.text ? categoryFromMenu(msg.text) : null;
    const codes = msg.text ? findDossierCodes(msg.text) : [];
    const found = await currentConversation(tx, follower.id, msg.at);
    const rating =
      found.reopen && found.conversation && acceptsSatisfaction(found.conversation, msg.at)
        ? parseSatisfaction(msg.text)
        : null;
    if (rating) return recordSatisfaction(tx, found.conversation!, follower.oaUserId, msg, rating);
    let conv = found.conversation;
    const linked = !conv || !conv.suggestedDossierCodes.length ? await dossiersOfPhone(tx, follower.phone84) : [];
    if (!conv) {
      conv = await openConversation(
        tx,
        follower,
        msg,
        menuCategory ?? "question",
        linked.map((d) => d.unitId),
      );
    } else if (found.reopen) {
      const dueAt = conv.referenceNumber ? conv.dueAt : await deadlineFor(tx, conv.unitId, conv.category, msg.at);
      [conv] = await tx
        .update(conversations)
        .set({ status: "open", resolvedAt: null, dueAt })
        .where(eq(conversations.id, conv.id))
        .returning();
    }
    const [message] = await tx
      .insert(conversationMessages)
      .values({
        conversationId: conv.id,
        direction: "in",
        kind: msg.kind,
        source: "citizen",
        text: msg.text,
        attachments: msg.attachments ?? null,
        zaloMsgId: msg.msgId,
        at: msg.at,
      })
      .returning({ id: conversationMessages.id });
    // A menu payload upgrades a plain question; a category staff already chose is kept.
    const category = menuCategory && conv.category === "question" ? menuCategory : conv.category;
    [conv] = await tx
      .update(conversations)
      .set({
        status: "open",
        category,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${msg.at.toISOString()}::timestamptz)`,
        lastIncomingAt: msg.at,
        waitingSince: sql`coalesce(${conversations.waitingSince}, ${msg.at.toISOString()}::timestamptz)`,
        unreadCount: sql`${conversations.unreadCount} + 1`,
        searchText: appendSearchText(msg.text),
        suggestedDossierCodes: mergeSuggestions(conv.suggestedDossierCodes, [...codes, ...linked.map((d) => d.code)]),
        updatedAt: new Date(),
      })
      .where(eq(conversations.id, conv.id))
      .returning();
    if (isPetition(conv.category) && !conv.referenceNumber) await openPetition(tx, conv, follower.oaUserId, msg.at);
    return { conversationId: conv.id, messageId: message.id };
  });
}
