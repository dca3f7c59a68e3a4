import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { LookupForm } from "@/components/dossiers/lookup-form";
import { Alert } from "@/components/ui/alert";
import { type CitizenTodo, type ReceivingOffice, publicLookup } from "@/lib/dossiers/public-lookup";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { clientIpFrom } from "@/lib/http/client-ip";
import { Section } from "@/components/ui/section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("dossiers.lookup.title"), robots: { index: false } };
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div
      className="flex justify-between gap-4 border-b border-slate-100 py-2 text-sm last:border-0"
      data-testid={testId}
    >
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-semibold">{children || "—"}</dd>
    </div>
  );
}

/** What the citizen must do now: documents to bring, the fee to pay, the new date of an apology. */
function Todo({ todo }: { todo: CitizenTodo }) {
  const m = useTranslations();
  const t = useTranslations("desk.lookup");
  if (!todo.supplement && !todo.fee && !todo.apologyDueAt) return null;
  return (
    <Section
      id="todo-h"
      title={t("todo")}
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
      titleClassName="mb-2 font-semibold text-amber-900"
      testId="lookup-todo"
    >
      {todo.supplement ? (
        <>
          <p className="text-sm">{t("supplement")}</p>
          <ul className="mb-2 ml-5 list-disc text-sm font-semibold">
            {todo.supplement.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      {todo.fee ? (
        <div className="mb-2 text-sm">
          <p className="font-semibold">{t("fee", { amount: formatMoney(todo.fee.amount) })}</p>
          {todo.fee.paymentUrl ? (
            <a
              href={todo.fee.paymentUrl}
              rel="noopener noreferrer"
              className="mt-2 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white"
            >
              {t("pay")}
            </a>
          ) : null}
        </div>
      ) : null}
      {todo.apologyDueAt ? (
        <p className="text-sm font-semibold">{t("apology", { date: formatDateTime(todo.apologyDueAt) })}</p>
      ) : null}
    </Section>
  );
}

/** The receiving office, so the citizen can go there or call; and the OA to follow for news of the dossier. */
function Office({ office, oaId, oaName }: { office: ReceivingOffice; oaId: string | null; oaName: string }) {
  const m = useTranslations();
  const t = useTranslations("desk.lookup");
  const h = office.hours;
  const days = `${m("desk.lookup.weekdays")}${h.saturdayMorning ? m("desk.lookup.saturday") : ""}`;
  const hours = `${h.morning[0]}–${h.morning[1]}, ${h.afternoon[0]}–${h.afternoon[1]}${days}`;
  return (
    <Section id="office-h" title={t("office")} titleClassName="mb-1 font-semibold" testId="lookup-office">
      <p className="font-semibold text-brand-800">{office.name}</p>
      <dl className="mt-2">
        {office.address ? <Row label={t("address")}>{office.address}</Row> : null}
        {office.hotline ? (
          <Row label={t("hotline")}>
            <a href={`tel:${office.hotline.replace(/[^\d+]/g, "")}`} className="text-brand-700 underline">
              {office.hotline}
            </a>
          </Row>
        ) : null}
        <Row label={t("hours")}>{hours}</Row>
      </dl>
      {oaId ? (
        <a
          href={`https://zalo.me/${encodeURIComponent(oaId)}`}
          className={
            "mt-3 flex w-full items-center justify-center rounded-md bg-[#0068ff] px-4 py-3 text-base font-semibold " +
            "text-white"
          }
          data-testid="oa-button"
        >
          {t("oaButton", { name: oaName })}
        </a>
      ) : null}
    </Section>
  );
}

export default async function LookupResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ t?: string; p?: string }>;
}) {
  const m = await getTranslations();
  const t = await getTranslations("dossiers.lookup");
  const { code: rawCode } = await params;
  const sp = await searchParams;
  const code = decodeURIComponent(rawCode);
  const result = await publicLookup({
    code,
    secret: sp.t ?? null,
    phoneLast4: sp.p ?? null,
    ip: clientIpFrom(await headers()),
  });

  if (result.kind === "limited") {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Alert tone="warning">{t("limited", { seconds: result.retryAfterSeconds })}</Alert>
      </>
    );
  }
  if (result.kind === "not_found") {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <LookupForm code={code} error={t("notFound")} />
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-testid="lookup-result"
        data-kind={result.kind}
      >
        <p className="font-mono text-sm">{result.code}</p>
        <p className="mt-1 text-lg font-bold text-brand-800" data-testid="lookup-status">
          {result.statusLabel}
        </p>
        <dl className="mt-3">
          <Row label={t("owner")} testId="lookup-owner">
            {result.ownerName}
          </Row>
          {result.kind === "full" ? <Row label={t("procedure")}>{result.procedureName}</Row> : null}
          <Row label={t("receivedAt")}>{formatDate(result.receivedAt)}</Row>
          <Row label={t("dueAt")}>{formatDateTime(result.dueAt)}</Row>
          {result.newDueAt ? <Row label={t("newDueAt")}>{formatDateTime(result.newDueAt)}</Row> : null}
          {result.finishedAt ? <Row label={t("finishedAt")}>{formatDate(result.finishedAt)}</Row> : null}
          {result.returnedAt ? <Row label={t("returnedAt")}>{formatDate(result.returnedAt)}</Row> : null}
        </dl>
      </section>
      {result.kind === "full" ? <Todo todo={result.todo} /> : null}
      {result.kind === "full" && result.status === "returned" && sp.t ? (
        <Link
          href={`/danh-gia/${encodeURIComponent(result.code)}?t=${encodeURIComponent(sp.t)}`}
          className="rounded-md bg-brand-600 px-4 py-3 text-center text-base font-semibold text-white"
          data-testid="lookup-rate"
        >
          {m("ratings.page.fromLookup")}
        </Link>
      ) : null}
      {result.kind === "full" ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">{t("timeline")}</h2>
          <ol className="flex flex-col gap-2" data-testid="lookup-timeline">
            {result.timeline.map((h, i) => (
              <li key={i} className="text-sm">
                <span className="text-slate-600">{formatDateTime(h.at)}</span> —{" "}
                <span className="font-semibold">{h.statusLabel}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <>
          {result.phoneMismatch ? <Alert tone="warning">{t("badPhone")}</Alert> : null}
          <p className="text-sm text-slate-700">{t("masked")}</p>
          <LookupForm code={result.code} />
        </>
      )}
      <Office office={result.office} oaId={result.oaId} oaName={result.oaName} />
      {result.oaId ? null : <p className="text-sm text-slate-700">{t("followOa")}</p>}
      <Link href="/tra-cuu" className="text-sm text-brand-700 underline">
        {t("another")}
      </Link>
    </>
  );
}
