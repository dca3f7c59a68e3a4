import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { imageUrl } from "@/lib/announcements/images";
import { listPublishedAnnouncements } from "@/lib/announcements/public";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("announcements.news.title") };
}

export default async function NewsPage() {
  const t = await getTranslations("announcements");
  const items = await listPublishedAnnouncements();
  return (
    <>
      <h1 className="text-2xl font-bold">{t("news.title")}</h1>
      {items.length === 0 ? <p className="text-slate-600">{t("news.empty")}</p> : null}
      <ul className="flex flex-col gap-4">
        {items.map((a) => {
          const cover = a.coverImageId ? imageUrl(a.coverImageId) : a.coverImageUrl;
          return (
            <li key={a.slug} className="overflow-hidden rounded-lg border border-slate-200" data-testid="news-item">
              <Link href={`/tin-tuc/${a.slug}`} className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- image stored by the portal */}
                {cover ? <img src={cover} alt="" className="aspect-[16/9] w-full object-cover" /> : null}
                <div className="p-3">
                  <p className="text-xs text-slate-500">
                    {t(`categories.${a.category}`)} · {formatDate(a.publishedAt)}
                  </p>
                  <h2 className="text-lg font-semibold leading-snug text-slate-900">{a.title}</h2>
                  {a.summary ? <p className="mt-1 text-sm text-slate-700">{a.summary}</p> : null}
                </div>
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
