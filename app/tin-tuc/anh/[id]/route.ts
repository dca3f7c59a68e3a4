import { getTranslations } from "next-intl/server";
import { readAnnouncementImage } from "@/lib/announcements/images";

/** An uploaded announcement image; its type was checked from its bytes at upload. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const img = await readAnnouncementImage(Number((await params).id));
  if (!img) return new Response((await getTranslations())("announcements.news.imageNotFound"), { status: 404 });
  return new Response(new Uint8Array(img.bytes), {
    headers: {
      "content-type": img.contentType,
      "cache-control": "public, max-age=86400, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
