import { and, gte, inArray, ne, or, sql } from "drizzle-orm";
import { type Db, type DbOrTx, pgArrayLiteral } from "@/db/client";
import { type Conversation, conversationMessages, conversations } from "@/db/schema";
import type { Follower } from "@/lib/followers/record";
import { foldForSearch } from "@/lib/text";
import type { IncomingMessage } from "./incoming";
import { REOPEN_WITHIN_MS, lockManyFollowersConversations, subjectOf } from "./ingest";
import { categoryFromMenu, isPetition } from "./labels";
import { owningUnitFor } from "./owner";
import { SEARCH_TEXT_MAX } from "./outbox";
import { deadlines } from "./petition";
import { dossiersOfPhone, findDossierCodes, mergeSuggestions } from "./suggest";

/** A follower's messages of one batch, in arrival order. */
export interface FollowerMessages {
  follower: Follower;
  messages: IncomingMessage[];
}

/** What one follower's new messages do to its conversation (an existing one, or one to open). */
interface Plan {
  follower: Follower;
  conversation: Conversation | null;
  fresh: IncomingMessage[];
  linked: { code: string; unitId: number }[];
}

const c = conversations;
const m = conversationMessages;

/**
 * addIncomingMessage for a batch of followers in one transaction and a fixed handful of statements: their
 * messages join their open conversations, or open new ones. A follower whose messages need more than that
 * (a recently resolved conversation to reopen or rate, a menu category, a petition still without its reference)
 * is left alone for addIncomingMessage. Returns the ids of the followers handled. Same guarantees as the one by
 * one path: the follower locks, msg_id dedupe (also within the batch), messages kept in the order given.
 */
export async function addIncomingMessages(db: Db, batch: FollowerMessages[]): Promise<Set<number>> {
  if (!batch.length) return new Set();
  return db.transaction(async (tx) => {
    await lockManyFollowersConversations(
      tx,
      batch.map((b) => b.follower.id),
    );
    // Independent statements go out together (postgres.js pipelines them on the transaction's connection).
    const [seen, current] = await Promise.all([existingMsgIds(tx, batch), currentConversations(tx, batch)]);
    const handled = new Set<number>();
    const plans: Plan[] = [];
    for (const { follower, messages } of batch) {
      const own = current.filter((row) => row.followerId === follower.id);
      const active = own.find((row) => row.status !== "resolved") ?? null;
      if (needsOneByOne(messages, own, active)) continue;
      handled.add(follower.id);
      const fresh = messages.filter((msg) => !seen.has(msg.msgId) && !!seen.add(msg.msgId));
      if (!fresh.length) continue;
      const wantsLinked = follower.phone84 && (!active || !active.suggestedDossierCodes.length);
      const linked = wantsLinked ? await dossiersOfPhone(tx, follower.phone84) : [];
      plans.push({ follower, conversation: active, fresh, linked });
    }
    if (!plans.length) return handled;
    await openConversations(tx, plans);
    await Promise.all([
      tx.insert(m).values(
        plans.flatMap((p) =>
          p.fresh.map((msg) => ({
            conversationId: p.conversation!.id,
            direction: "in" as const,
            kind: msg.kind,
            source: "citizen" as const,
            text: msg.text,
            attachments: msg.attachments ?? null,
            zaloMsgId: msg.msgId,
            at: msg.at,
          })),
        ),
      ),
      updateConversations(tx, plans),
    ]);
    return handled;
  });
}

async function existingMsgIds(tx: DbOrTx, batch: FollowerMessages[]): Promise<Set<string>> {
  const ids = batch.flatMap((b) => b.messages.map((msg) => msg.msgId));
  const rows = await tx.select({ msgId: m.zaloMsgId }).from(m).where(inArray(m.zaloMsgId, ids));
  return new Set(rows.map((r) => r.msgId!));
}

/** Each follower's open or pending conversation, and any resolved one recent enough that it may be reopened. */
async function currentConversations(tx: DbOrTx, batch: FollowerMessages[]): Promise<Conversation[]> {
  const earliest = Math.min(...batch.flatMap((b) => b.messages.map((msg) => msg.at.getTime())));
  return tx
    .select()
    .from(c)
    .where(
      and(
        inArray(
          c.followerId,
          batch.map((b) => b.follower.id),
        ),
        or(ne(c.status, "resolved"), gte(c.resolvedAt, new Date(earliest - REOPEN_WITHIN_MS))),
      ),
    )
    .for("update");
}

function needsOneByOne(messages: IncomingMessage[], own: Conversation[], active: Conversation | null): boolean {
  if (messages.some((msg) => msg.text && categoryFromMenu(msg.text))) return true;
  if (active) return isPetition(active.category) && !active.referenceNumber;
  const first = Math.min(...messages.map((msg) => msg.at.getTime()));
  return own.some((row) => row.resolvedAt && row.resolvedAt.getTime() >= first - REOPEN_WITHIN_MS);
}

/** New conversations for the plans without one, as a plain question to the owning unit, in one statement. */
async function openConversations(tx: DbOrTx, plans: Plan[]): Promise<void> {
  const opening = plans.filter((p) => !p.conversation);
  if (!opening.length) return;
  const deadline = deadlines(tx);
  let defaultUnit: Promise<number> | null = null;
  const values = [];
  for (const p of opening) {
    const first = p.fresh[0];
    const unitId = p.linked.length ? p.linked[0].unitId : await (defaultUnit ??= owningUnitFor(tx, []));
    values.push({
      followerId: p.follower.id,
      unitId,
      category: "question" as const,
      subject: subjectOf(first),
      lastMessageAt: first.at,
      dueAt: await deadline(unitId, "question", first.at),
      createdAt: first.at,
    });
  }
  const rows = await tx.insert(c).values(values).returning();
  const byFollower = new Map(rows.map((row) => [row.followerId, row]));
  for (const p of opening) p.conversation = byFollower.get(p.follower.id)!;
}

/** The conversation side of the new messages (status, unread count, SLA timer, search text, suggestions). */
async function updateConversations(tx: DbOrTx, plans: Plan[]): Promise<void> {
  const rows = plans.map((p) => {
    const conv = p.conversation!;
    const codes = p.fresh.flatMap((msg) => (msg.text ? findDossierCodes(msg.text) : []));
    const times = p.fresh.map((msg) => msg.at.getTime());
    return {
      id: conv.id,
      n: p.fresh.length,
      first_at: new Date(Math.min(...times)).toISOString(),
      last_at: new Date(Math.max(...times)).toISOString(),
      incoming_at: p.fresh.at(-1)!.at.toISOString(),
      search: p.fresh
        .map((msg) => (msg.text ? foldForSearch(msg.text) : ""))
        .filter(Boolean)
        .join(" "),
      codes: pgArrayLiteral(mergeSuggestions(conv.suggestedDossierCodes, [...codes, ...p.linked.map((d) => d.code)])),
    };
  });
  await tx.execute(sql`
    update ${c} set
      status = 'open',
      last_message_at = greatest(${c.lastMessageAt}, x.last_at),
      last_incoming_at = x.incoming_at,
      waiting_since = coalesce(${c.waitingSince}, x.first_at),
      unread_count = ${c.unreadCount} + x.n,
      search_text = case when x.search = '' then ${c.searchText}
        else right(${c.searchText} || ' ' || x.search, ${SEARCH_TEXT_MAX}) end,
      suggested_dossier_codes = x.codes::text[],
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id bigint, n int, first_at timestamptz, last_at timestamptz, incoming_at timestamptz,
        search text, codes text)
    where ${c.id} = x.id`);
}
