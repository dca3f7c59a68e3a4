import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { zaloFollowers } from "@/db/schema";
import { zaloErrorFromCode } from "@/lib/zalo/errors";
import type { AnnouncementTransport } from "./transport";

/** Followers for tests: `hoursAgo` = last interaction; tags; all following unless told. */
export async function insertTestFollowers(
  db: Db,
  list: {
    key: string;
    hoursAgo?: number | null;
    tags?: string[];
    following?: boolean;
    phone84?: string;
    name?: string;
  }[],
  now = new Date(),
) {
  const rows = await db
    .insert(zaloFollowers)
    .values(
      list.map((f) => ({
        oaUserId: `u-${f.key}`,
        displayName: f.name ?? `Người ${f.key}`,
        following: f.following ?? true,
        followedAt: now,
        lastInteractionAt: f.hoursAgo == null ? null : new Date(now.getTime() - f.hoursAgo * 3600_000),
        tags: f.tags ?? [],
        phone84: f.phone84 ?? null,
      })),
    )
    .returning({ id: zaloFollowers.id, oaUserId: zaloFollowers.oaUserId });
  return new Map(rows.map((r) => [r.oaUserId.slice(2), r.id]));
}

export async function clearFollowers(db: Db) {
  await db.execute(sql`delete from announcement_recipients`);
  await db.execute(sql`delete from zalo_followers where id not in (select follower_id from zalo_incoming_messages)`);
}

/**
 * In-memory Zalo: one-by-one messages per user (with their text, so a conversation can be read back),
 * articles and broadcasts. `failWith(userId)` answers a Zalo error code; `afterAccept` runs after Zalo has
 * taken a message and before the caller hears back (used to simulate a crash at the worst moment).
 */
export function fakeAnnouncementZalo(
  opts: { failWith?: (userId: string) => number | null; afterAccept?: (userId: string) => Promise<void> } = {},
) {
  const messages: { userId: string; text: string; id: string; channel: "cs" | "zbs" }[] = [];
  const broadcasts: { articleId: string; target: unknown }[] = [];
  let seq = 0;
  const accept = async (userId: string, text: string, channel: "cs" | "zbs") => {
    const code = opts.failWith?.(userId) ?? null;
    if (code !== null) throw zaloErrorFromCode(code, "fake");
    const id = `m${++seq}`;
    messages.push({ userId, text, id, channel });
    await opts.afterAccept?.(userId);
    return id;
  };
  const transport: AnnouncementTransport = {
    async sendConsultationText(userId, text) {
      return { messageId: await accept(userId, text, "cs") };
    },
    async sendTemplateByUserId(input) {
      return { msgId: await accept(input.userId, `${input.templateData.title}\n${input.templateData.url}`, "zbs") };
    },
    async getConversation(userId) {
      return messages
        .filter((m) => m.userId === userId)
        .reverse()
        .slice(0, 10)
        .map((m) => ({ messageId: m.id, fromOa: true, text: m.text }));
    },
    async createArticle() {
      return { token: "tok-1" };
    },
    async verifyArticle() {
      return { articleId: "art-1" };
    },
    async broadcast(articleId, target) {
      broadcasts.push({ articleId, target });
      return { messageId: `b${broadcasts.length}` };
    },
  };
  return { transport, messages, broadcasts, perUser: () => countBy(messages.map((m) => m.userId)) };
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
