import type { AnnouncementBlock } from "@/db/schema";

/** An announcement's blocks as the news page shows them, or as the phone preview imitates Zalo (`phone`). */
export function ArticleBody({ blocks, phone }: { blocks: AnnouncementBlock[]; phone?: boolean }) {
  return blocks.map((b, i) =>
    b.type === "text" ? (
      <p key={i} className="whitespace-pre-line">
        {b.content}
      </p>
    ) : b.type === "image" ? (
      <figure key={i}>
        {/* eslint-disable-next-line @next/next/no-img-element -- article image */}
        <img src={b.url} alt={b.caption ?? ""} className="w-full rounded" />
        {b.caption ? (
          <figcaption className={`mt-1 text-center ${phone ? "text-xs" : "text-sm"} text-slate-500`}>
            {b.caption}
          </figcaption>
        ) : null}
      </figure>
    ) : (
      <p key={i}>
        {phone ? (
          <a href={b.url} className="text-[#0068ff] underline" target="_blank" rel="noreferrer">
            {b.text || b.url}
          </a>
        ) : (
          <a href={b.url} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
            {b.text}
          </a>
        )}
      </p>
    ),
  );
}
