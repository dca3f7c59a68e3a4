import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { RatingForm } from "@/components/ratings/rating-form";
import { Alert } from "@/components/ui/alert";
import { ServiceError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { clientIpFrom } from "@/lib/http/client-ip";
import { type RatingPageData, webRatingPage } from "@/lib/ratings/submit";
import { rateOnWeb } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("ratings.page.title"), robots: { index: false } };
}

export default async function RatingPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ t?: string }>;
}) {
  const m = await getTranslations();
  const t = await getTranslations("ratings");
  const code = decodeURIComponent((await params).code);
  const secret = (await searchParams).t ?? null;
  let data: RatingPageData | null = null;
  let refusal: string | null = null;
  try {
    data = await webRatingPage(code, secret, clientIpFrom(await headers()));
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    refusal = err.message;
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t("page.title")}</h1>
      {refusal || !data ? (
        <Alert tone="warning">{refusal}</Alert>
      ) : (
        <>
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <p>
              {t("page.dossier")}: <span className="font-mono font-semibold">{data.code}</span>
            </p>
            <p>
              {t("page.procedure")}: <span className="font-semibold">{data.procedureName}</span>
            </p>
          </section>
          {!data.returned ? (
            <Alert tone="warning">{t("errors.notReturned")}</Alert>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t("page.intro", { days: data.changeDays })}</p>
              {data.current ? (
                <Alert tone="info">
                  {t("page.current", {
                    level: t(`levels.${data.current.level}`),
                    at: formatDate(data.current.ratedAt),
                    until: formatDate(data.current.changeableUntil),
                  })}
                </Alert>
              ) : null}
              <RatingForm
                code={data.code}
                secret={secret ?? undefined}
                criteria={data.criteria}
                current={data.current}
                action={rateOnWeb}
              />
            </>
          )}
        </>
      )}
      <Link
        href={`/tra-cuu/${encodeURIComponent(code)}${secret ? `?t=${encodeURIComponent(secret)}` : ""}`}
        className="text-sm text-brand-700 underline"
      >
        {m("dossiers.lookup.title")}
      </Link>
    </>
  );
}
