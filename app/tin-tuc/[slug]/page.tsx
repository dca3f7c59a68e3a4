import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/announcements/article-body";
import { publicAnnouncementUrl } from "@/lib/announcements/content";
import { imageUrl } from "@/lib/announcements/images";
import { getPublishedAnnouncement } from "@/lib/announcements/public";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await getPublishedAnnouncement((await params).slug);
  if (!a) return { title: (await getTranslations())("announcements.news.notFound") };
  const url = publicAnnouncementUrl(a.slug);
  const image = `${url}/anh-chia-se`;
  return {
    title: a.title,
    description: a.summary || a.title,
    openGraph: {
      title: a.title,
      description: a.summary || a.title,
      url,
      images: [{ url: image, width: 1200, height: 630 }],
      type: "article",
      locale: "vi_VN",
    },
    twitter: { card: "summary_large_image", title: a.title, images: [image] },
  };
}

export default async function NewsArticlePage({ params }: Props) {
  const a = await getPublishedAnnouncement((await params).slug);
  if (!a) notFound();
  const t = await getTranslations("announcements");
  const cover = a.coverImageId ? imageUrl(a.coverImageId) : a.coverImageUrl;
  return (
    <article className="flex flex-col gap-4 text-[17px] leading-relaxed text-slate-900">
      <Link href="/tin-tuc" className="text-sm text-brand-700 underline">
        {t("news.back")}
      </Link>
      {/* eslint-disable-next-line @next/next/no-img-element -- image stored by the portal */}
      {cover ? <img src={cover} alt="" className="w-full rounded-lg" /> : null}
      <p className="text-sm text-slate-500">
        {t(`categories.${a.category}`)} · {formatDate(a.publishedAt)}
      </p>
      <h1 className="text-2xl font-bold leading-snug" data-testid="news-title">
        {a.title}
      </h1>
      {a.summary ? <p className="font-semibold text-slate-700">{a.summary}</p> : null}
      <ArticleBody blocks={a.body} />
    </article>
  );
}
