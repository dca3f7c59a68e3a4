import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { publishedFaq } from "@/lib/conversations/faq";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Hỏi đáp thủ tục hành chính" };

/** Public FAQ (linked from the OA menu): answered questions, anonymised and edited by staff, grouped by field. */
export default async function PublicFaqPage() {
  const t = await getTranslations("conversations");
  const groups = await publishedFaq();
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-3xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t("publicTitle")}</h1>
      <p className="text-slate-700">{t("publicIntro")}</p>
      {groups.length === 0 ? <p className="text-slate-600">{t("publicEmpty")}</p> : null}
      {groups.map((g) => (
        <section key={g.field} aria-labelledby={`field-${g.field}`} className="flex flex-col gap-2">
          <h2 id={`field-${g.field}`} className="text-lg font-semibold text-brand-800">
            {g.field}
          </h2>
          {g.entries.map((e) => (
            <details key={e.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="faq-entry">
              <summary className="cursor-pointer font-semibold">{e.question}</summary>
              <p className="mt-2 whitespace-pre-line text-slate-800">{e.answer}</p>
              {e.publishedAt ? <p className="mt-1 text-xs text-slate-500">{formatDate(e.publishedAt)}</p> : null}
            </details>
          ))}
        </section>
      ))}
    </main>
  );
}
