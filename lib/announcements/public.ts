import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type Announcement, announcements } from "@/db/schema";

const visible = and(isNotNull(announcements.publishedAt), inArray(announcements.status, ["sending", "sent"]));

/** Announcements already going out or sent, newest first: the public /tin-tuc page (no sign-in). */
export async function listPublishedAnnouncements(page = 1, pageSize = 20) {
  return getDb()
    .select({
      slug: announcements.slug,
      title: announcements.title,
      summary: announcements.summary,
      category: announcements.category,
      coverImageId: announcements.coverImageId,
      coverImageUrl: announcements.coverImageUrl,
      publishedAt: announcements.publishedAt,
    })
    .from(announcements)
    .where(visible)
    .orderBy(desc(announcements.publishedAt))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
}

export async function getPublishedAnnouncement(slug: string): Promise<Announcement | null> {
  if (!slug || slug.length > 200) return null;
  const [row] = await getDb()
    .select()
    .from(announcements)
    .where(and(eq(announcements.slug, slug), visible));
  return row ?? null;
}
