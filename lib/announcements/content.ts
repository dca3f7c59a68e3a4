import type { Announcement } from "@/db/schema";
import { publicBaseUrl } from "@/lib/config";
import type { ZaloArticle } from "@/lib/zalo/client";
import { imageUrl } from "./images";
import { translatorFor } from "@/lib/i18n/translate";

export function publicAnnouncementUrl(slug: string): string {
  return `${publicBaseUrl()}/tin-tuc/${encodeURIComponent(slug)}`;
}

function coverUrl(a: Pick<Announcement, "coverImageId" | "coverImageUrl">): string | null {
  if (a.coverImageId) return `${publicBaseUrl()}${imageUrl(a.coverImageId)}`;
  return a.coverImageUrl;
}

/** The link in a one-by-one message carries the recipient row (r=…): after a crash it tells whether it went. */
export function recipientLink(a: Pick<Announcement, "slug">, recipientId: number): string {
  return `${publicAnnouncementUrl(a.slug)}?r=${recipientId}`;
}

export function recipientMarker(recipientId: number): string {
  return `?r=${recipientId}`;
}

/** Consultation text (≤ 2,000 characters): title, summary, link to the full page. */
export function consultationText(a: Pick<Announcement, "title" | "summary" | "slug">, recipientId: number): string {
  const link = recipientLink(a, recipientId);
  const room = 2000 - a.title.length - link.length - 30;
  const summary = a.summary.length > room ? `${a.summary.slice(0, Math.max(0, room - 1))}…` : a.summary;
  return [a.title, summary, translatorFor("vi")("announcements.zalo.seeMore", { link })].filter(Boolean).join("\n\n");
}

/** The Zalo article: the body's paragraphs and images; links become text lines; the full page is linked at the end. */
export function zaloArticleOf(a: Announcement): ZaloArticle {
  const body: ZaloArticle["body"] = [];
  for (const b of a.body) {
    if (b.type === "text") body.push({ type: "text", content: b.content });
    else if (b.type === "image")
      body.push({
        type: "image",
        url: b.url.startsWith("/") ? `${publicBaseUrl()}${b.url}` : b.url,
        caption: b.caption,
      });
    else body.push({ type: "text", content: `${b.text}: ${b.url}` });
  }
  body.push({
    type: "text",
    content: translatorFor("vi")("announcements.zalo.onPortal", { link: publicAnnouncementUrl(a.slug) }),
  });
  return {
    type: "normal",
    title: a.title.slice(0, 150),
    author: translatorFor("vi")("announcements.zalo.author"),
    description: (a.summary || a.title).slice(0, 300),
    cover: {
      cover_type: "photo",
      photo_url: coverUrl(a) ?? `${publicAnnouncementUrl(a.slug)}/anh-chia-se`,
      status: "show",
    },
    body,
    status: "show",
    comment: "show",
  };
}
