import { useTranslations } from "next-intl";
import type { AnnouncementBlock } from "@/db/schema";
import { ArticleBody } from "./article-body";

/** Roughly what a follower sees when opening the OA's article in Zalo: a 360-pixel-wide phone page. */
export function PhonePreview({
  title,
  summary,
  coverUrl,
  body,
  oaName,
}: {
  title: string;
  summary: string;
  coverUrl: string | null;
  body: AnnouncementBlock[];
  oaName: string;
}) {
  const t = useTranslations("announcements");
  return (
    <div
      className={
        "mx-auto w-[360px] max-w-full overflow-hidden rounded-[2rem] border-8 border-slate-800 bg-white shadow-lg"
      }
      data-testid="phone-preview"
    >
      <div className="flex items-center gap-2 bg-[#0068ff] px-3 py-2 text-sm font-semibold text-white">
        <span aria-hidden>‹</span>
        <span className="truncate">{oaName}</span>
      </div>
      <div className="max-h-[600px] overflow-y-auto">
        {coverUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- user-uploaded image served by the portal
          <img src={coverUrl} alt="" className="aspect-[16/9] w-full object-cover" />
        ) : (
          <div className="flex aspect-[16/9] w-full items-center justify-center bg-slate-100 text-xs text-slate-500">
            {t("previewCover")}
          </div>
        )}
        <div className="space-y-3 p-4 text-[15px] leading-relaxed text-slate-900">
          <h2 className="text-lg font-bold leading-snug">{title || t("previewTitle")}</h2>
          {summary ? <p className="text-slate-600">{summary}</p> : null}
          <ArticleBody blocks={body} phone />
        </div>
      </div>
    </div>
  );
}
