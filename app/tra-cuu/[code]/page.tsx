import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { LookupForm } from "@/components/dossiers/lookup-form";
import { Alert } from "@/components/ui/alert";
import { publicLookup } from "@/lib/dossiers/public-lookup";
import { formatDate, formatDateTime } from "@/lib/format";
import { format, getMessages } from "@/lib/i18n";
import { clientIpFrom } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).dossiers.lookup.title, robots: { index: false } };
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 border-b border-slate-100 py-2 text-sm last:border-0" data-testid={testId}>
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-semibold">{children || "—"}</dd>
    </div>
  );
}

export default async function LookupResultPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ t?: string; p?: string }> }) {
  const m = await getMessages();
  const t = m.dossiers.lookup;
  const { code: rawCode } = await params;
  const sp = await searchParams;
  const code = decodeURIComponent(rawCode);
  const result = await publicLookup({ code, secret: sp.t ?? null, phoneLast4: sp.p ?? null, ip: clientIpFrom(await headers()) });

  if (result.kind === "limited") {
    return (
      <>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <Alert tone="warning">{format(t.limited, { seconds: result.retryAfterSeconds })}</Alert>
      </>
    );
  }
  if (result.kind === "not_found") {
    return (
      <>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <LookupForm m={m} code={code} error={t.notFound} />
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="lookup-result" data-kind={result.kind}>
        <p className="font-mono text-sm">{result.code}</p>
        <p className="mt-1 text-lg font-bold text-brand-800" data-testid="lookup-status">
          {result.statusLabel}
        </p>
        <dl className="mt-3">
          <Row label={t.owner} testId="lookup-owner">{result.ownerName}</Row>
          {result.kind === "full" ? <Row label={t.procedure}>{result.procedureName}</Row> : null}
          <Row label={t.receivedAt}>{formatDate(result.receivedAt)}</Row>
          <Row label={t.dueAt}>{formatDateTime(result.dueAt)}</Row>
          {result.newDueAt ? <Row label={t.newDueAt}>{formatDateTime(result.newDueAt)}</Row> : null}
          {result.finishedAt ? <Row label={t.finishedAt}>{formatDate(result.finishedAt)}</Row> : null}
          {result.returnedAt ? <Row label={t.returnedAt}>{formatDate(result.returnedAt)}</Row> : null}
        </dl>
      </section>
      {result.kind === "full" && result.status === "returned" && sp.t ? (
        <Link
          href={`/danh-gia/${encodeURIComponent(result.code)}?t=${encodeURIComponent(sp.t)}`}
          className="rounded-md bg-brand-600 px-4 py-3 text-center text-base font-semibold text-white"
          data-testid="lookup-rate"
        >
          {m.ratings.page.fromLookup}
        </Link>
      ) : null}
      {result.kind === "full" ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">{t.timeline}</h2>
          <ol className="flex flex-col gap-2" data-testid="lookup-timeline">
            {result.timeline.map((h, i) => (
              <li key={i} className="text-sm">
                <span className="text-slate-600">{formatDateTime(h.at)}</span> — <span className="font-semibold">{h.statusLabel}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <>
          {result.phoneMismatch ? <Alert tone="warning">{t.badPhone}</Alert> : null}
          <p className="text-sm text-slate-700">{t.masked}</p>
          <LookupForm m={m} code={result.code} />
        </>
      )}
      <p className="text-sm text-slate-700">{t.followOa}</p>
      <Link href="/tra-cuu" className="text-sm text-brand-700 underline">
        {t.another}
      </Link>
    </>
  );
}
