import { and, eq, sql } from "drizzle-orm";
import { zaloFollowers } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/errors";
import { cleanText } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { zaloClient } from "@/lib/zalo/client";
import { vi } from "@/lib/i18n/messages/vi";
import { keysOf } from "@/lib/i18n/translate";
import { dbOf, withTransaction } from "@/lib/services/context";

export interface TagTransport {
  tagFollower(userId: string, tagName: string): Promise<void>;
  untagFollower(userId: string, tagName: string): Promise<void>;
}

const m = keysOf(vi.announcements.validation, "announcements.validation");

const tagSchema = z.object({
  followerId: z.coerce.number({ error: m.follower }).int().positive(m.follower),
  tag: z
    .string({ error: m.tagRequired })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, m.tagRequired)
        .max(50, m.tagTooLong)
        .regex(/^[^,;]+$/, m.tagSeparators),
    ),
});

/**
 * Adds or removes a tag on Zalo first, then here: if Zalo refuses, nothing changes on either side and the
 * reason reaches the staff member. Tags are OA-wide (followers are not a unit's), so no unit scope applies.
 */
export async function setFollowerTag(
  ctx: Ctx,
  raw: Record<string, unknown>,
  add: boolean,
  zalo: TagTransport,
): Promise<string[]> {
  requirePermission(ctx, "announcements.write");
  const input = parseInput(tagSchema, raw);
  const db = dbOf(ctx);
  const [f] = await db.select().from(zaloFollowers).where(eq(zaloFollowers.id, input.followerId));
  if (!f) throw new NotFoundError("announcements.errors.followerNotFound");
  if (add) await zalo.tagFollower(f.oaUserId, input.tag);
  else await zalo.untagFollower(f.oaUserId, input.tag);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .update(zaloFollowers)
      .set({
        tags: add
          ? sql`array(select distinct unnest(${zaloFollowers.tags} || array[${input.tag}]::text[]) order by 1)`
          : sql`array_remove(${zaloFollowers.tags}, ${input.tag})`,
        updatedAt: now,
      })
      .where(and(eq(zaloFollowers.id, f.id)))
      .returning({ tags: zaloFollowers.tags });
    await writeAudit(tx, ctx, {
      action: add ? "follower.tag_add" : "follower.tag_remove",
      entityType: "zalo_follower",
      entityId: f.id,
      summary: `${add ? "Gắn" : "Gỡ"} nhãn "${input.tag}" ${add ? "cho" : "khỏi"} ${f.displayName ?? "người quan tâm"}`,
    });
    return row.tags;
  });
}

/** The staff screen's entry: the real Zalo client. */
export function changeFollowerTag(ctx: Ctx, raw: Record<string, unknown>, add: boolean): Promise<string[]> {
  return setFollowerTag(ctx, raw, add, zaloClient());
}
