import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { OnTimeBadge, StatusBadge } from "@/components/dossiers/badges";
import { CorrectionForm } from "@/components/dossiers/correction-form";
import { TransitionForm } from "@/components/dossiers/transition-form";
import { DossierNotifications } from "@/components/notifications/dossier-notifications";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import {
  APOLOGY,
  allowedTransitions,
  canApologise,
  nationalStatusCodes,
  requiredExtras,
  terminalStatuses,
} from "@/lib/dossiers/lifecycle";
import { getDossier } from "@/lib/dossiers/detail";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime, formatMoney } from "@/lib/format";
import { displayVnPhone } from "@/lib/phone";
import { correctDossierAction, transitionDossierAction, withdrawZaloAction } from "../actions";
import { ZaloConsent } from "@/components/dossiers/zalo-consent";

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col" data-testid={testId}>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children || "—"}</dd>
    </div>
  );
}

/** A card of the dossier with its heading, which names it for screen readers. */
function Card({
  className,
  ...props
}: {
  id: string;
  title: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Section
      {...props}
      className={`${className ? `${className} ` : ""}rounded-lg border border-slate-200 bg-white p-5`}
      titleClassName="mb-3 text-lg font-semibold"
    />
  );
}

/**
 * Dossier detail: every field, history, receipt versions, the moves the user may make, then other domains' sections.
 */
export default async function DossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ done?: string; corrected?: string; zaloWithdrawn?: string }>;
}) {
  const me = await requirePage("dossiers.read");
  const m = await getTranslations();
  const t = await getTranslations("dossiers.detail");
  const actionLabels: Record<string, string> = (await getMessages()).dossiers.detail.actions_;
  const { code } = await params;
  const sp = await searchParams;
  const d = await getDossier(me, decodeURIComponent(code)).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const base = `/dossiers/${encodeURIComponent(d.code)}`;
  const phone = (p: string | null) => (p ? displayVnPhone(p) : null);
  const person = (who: "submitter" | "owner") => (
    <>
      <Item label={m("dossiers.intake.name")}>{d[`${who}Name`]}</Item>
      <Item label={m("dossiers.intake.idNumber")}>{d[`${who}IdNumber`]}</Item>
      <Item label={m("dossiers.intake.phone")} testId={who === "submitter" ? "submitter-phone" : undefined}>
        {phone(d[`${who}Phone84`])}
      </Item>
      <Item label={m("dossiers.intake.email")}>{d[`${who}Email`]}</Item>
      <Item label={m("dossiers.intake.address")}>{d[`${who}Address`]}</Item>
    </>
  );
  const mayTransition = can(me, "dossiers.transition");
  const moves = mayTransition ? allowedTransitions(d.status) : [];
  const mayApologise = mayTransition && canApologise(d.status) && d.dueAt != null;
  const mayCorrect = can(me, "dossiers.create") && !terminalStatuses.includes(d.status);
  // The lifecycle lists the usual next step first; the rest (incl. the irreversible ones) wait behind a click.
  const [nextMove, ...otherMoves] = moves;
  const moveForm = (to: (typeof moves)[number]) => (
    <TransitionForm
      key={to}
      code={d.code}
      to={to}
      label={t("moveTo", { label: m(`dossiers.statuses.${to}`) })}
      extras={requiredExtras(to)}
      action={transitionDossierAction}
    />
  );
  const actionLabel = (a: string) => actionLabels[a] ?? a;

  return (
    <div className="max-w-6xl">
      <PageHeader
        title={`${t("code")} ${d.code}`}
        actions={
          d.receipts.length ? (
            <>
              <Link className={buttonClass()} href={`${base}/receipt`} data-testid="open-receipt">
                {t("printReceipt")}
              </Link>
              <a className={buttonClass("secondary")} href={`${base}/receipt.pdf`}>
                {t("downloadPdf")}
              </a>
            </>
          ) : null
        }
      >
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={d.status} /> <OnTimeBadge state={d.onTime} /> {d.procedure.name}
        </span>
      </PageHeader>
      {sp.done ? (
        <div className="mb-4">
          <Alert tone="success">{t("done")}</Alert>
        </div>
      ) : null}
      {sp.zaloWithdrawn ? (
        <div className="mb-4">
          <Alert tone="success">{m("privacy.dossier.withdrawDone")}</Alert>
        </div>
      ) : null}
      {sp.corrected ? (
        <div className="mb-4">
          <Alert tone="success">{t("corrected")}</Alert>
        </div>
      ) : null}
      {d.components.length === 0 && d.status !== "submitted" ? (
        <div className="mb-4" data-testid="no-components-alert">
          <Alert tone="warning">{m("desk.detail.noComponents")}</Alert>
        </div>
      ) : null}

      <Card id="general-h" title={t("general")} className="mb-6">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("code")}>{<span className="font-mono">{d.code}</span>}</Item>
          <Item label={t("nationalCode")}>{d.nationalCode}</Item>
          <Item label={t("unit")}>{d.unitName}</Item>
          <Item
            label={t("procedure")}
          >{`${d.procedure.code ? `${d.procedure.code} · ` : ""}${d.procedure.name} (${d.procedure.field})`}</Item>
          <Item label={t("status")} testId="detail-status">
            {m(`dossiers.statuses.${d.status}`)}
          </Item>
          <Item label={t("nationalStatus")}>{String(nationalStatusCodes[d.status])}</Item>
          <Item label={t("channel")}>{m(`dossiers.channels.${d.channel}`)}</Item>
          <Item label={t("resultDelivery")}>{m(`dossiers.deliveries.${d.resultDelivery}`)}</Item>
          <Item label={t("receivedAt")}>{formatDateTime(d.receivedAt ?? d.submittedAt)}</Item>
          <Item label={t("receivedBy")}>{d.receivedByName}</Item>
          <Item label={t("dueAt")}>{formatDateTime(d.dueAt)}</Item>
          <Item label={t("originalDueAt")}>{formatDateTime(d.originalDueAt)}</Item>
          {d.newDueAt ? <Item label={t("newDueAt")}>{formatDateTime(d.newDueAt)}</Item> : null}
          {d.apologyReason ? <Item label={t("apologyReason")}>{d.apologyReason}</Item> : null}
          <Item label={t("finishedAt")}>{formatDateTime(d.finishedAt)}</Item>
          <Item label={t("returnedAt")}>{formatDateTime(d.returnedAt)}</Item>
          {d.pausedMinutes ? <Item label={t("pausedMinutes")}>{String(d.pausedMinutes)}</Item> : null}
          {d.feeAmount != null ? <Item label={t("fee")}>{formatMoney(d.feeAmount)}</Item> : null}
          {d.feePaymentUrl ? <Item label={t("paymentUrl")}>{d.feePaymentUrl}</Item> : null}
          {d.feePaidAt ? <Item label={t("feePaidAt")}>{formatDateTime(d.feePaidAt)}</Item> : null}
          {d.missingItems?.length ? <Item label={t("missing")}>{d.missingItems.join("; ")}</Item> : null}
          {d.rejectionReason ? <Item label={t("rejectionReason")}>{d.rejectionReason}</Item> : null}
          <Item label={t("register")}>
            {d.registerBook ? t("registerValue", { book: d.registerBook, line: d.registerLine ?? "" }) : null}
          </Item>
        </dl>
      </Card>

      <section className="mb-6 grid gap-4 md:grid-cols-2">
        <Card id="submitter-h" title={t("submitter")}>
          <dl className="grid gap-3">{person("submitter")}</dl>
        </Card>
        <Card id="owner-h" title={t("owner")}>
          {d.ownerSameAsSubmitter ? (
            <p className="text-sm text-slate-700">{t("ownerSame")}</p>
          ) : (
            <dl className="grid gap-3">
              {person("owner")}
              <Item label={t("authorization")}>{d.authorizationDocument}</Item>
            </dl>
          )}
        </Card>
      </section>

      <section className="mb-6 grid gap-4 md:grid-cols-2">
        <Card id="components-h" title={t("components")}>
          <ol className="ml-5 list-decimal text-sm">
            {d.components.map((c) => (
              <li key={c.name}>
                {c.name} ({c.copies}{" "}
                {c.original === true
                  ? m("dossiers.intake.original")
                  : c.original === false
                    ? m("dossiers.intake.copy")
                    : ""}
                )
              </li>
            ))}
          </ol>
          <p className="mt-2 text-sm">
            {t("setsCount")}: {d.setsCount}
          </p>
          {d.notes ? (
            <p className="mt-2 text-sm">
              {t("notes")}: {d.notes}
            </p>
          ) : null}
        </Card>
        <Card id="ticks-h" title={t("ticks")} testId="ticks">
          <ul className="flex flex-col gap-1 text-sm">
            <li data-testid="tick-zalo" data-on={d.notifyZalo}>
              {d.notifyZalo ? "☑" : "☐"} {m("dossiers.intake.notifyZalo")}
              {d.zaloConsentAt ? (
                <span className="block text-xs text-slate-600">
                  {t("zaloConsent", { at: formatDateTime(d.zaloConsentAt) })}
                </span>
              ) : null}
              <ZaloConsent dossier={d} withdrawAction={can(me, "dossiers.create") ? withdrawZaloAction : null} />
            </li>
            <li>
              {d.notifySms ? "☑" : "☐"} {m("dossiers.intake.notifySms")}
            </li>
            <li>
              {d.deliverByPost ? "☑" : "☐"} {m("dossiers.intake.deliverByPost")}
            </li>
          </ul>
        </Card>
      </section>

      <Card id="history-h" title={t("history")} className="mb-6">
        <ol className="relative ml-2 border-l border-slate-300" data-testid="history">
          {d.history.map((h) => (
            <li key={h.id} className="mb-3 ml-4">
              <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full bg-brand-600" aria-hidden />
              <p className="text-sm">
                <span className="font-semibold">{formatDateTime(h.at)}</span> · {actionLabel(h.action)}:{" "}
                {h.fromStatus && h.fromStatus !== h.toStatus ? `${m(`dossiers.statuses.${h.fromStatus}`)} → ` : ""}
                <span className="font-semibold">{m(`dossiers.statuses.${h.toStatus}`)}</span> · {h.actorLabel}
              </p>
              {h.note ? <p className="text-sm text-slate-700">{h.note}</p> : null}
              {h.data && typeof h.data.reason === "string" ? (
                <p className="text-sm text-slate-700">
                  {t("reason")}: {h.data.reason}
                </p>
              ) : null}
              {h.data && Array.isArray(h.data.missing) ? (
                <p className="text-sm text-slate-700">
                  {t("missing")}: {(h.data.missing as string[]).join("; ")}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>

      {d.receipts.length ? (
        <Card id="receipts-h" title={t("receipts")} className="mb-6">
          <ul className="flex flex-col gap-1 text-sm" data-testid="receipt-versions">
            {d.receipts.map((r) => (
              <li key={r.version}>
                <Link className="text-brand-700 underline" href={`${base}/receipt?v=${r.version}`}>
                  {t("receiptVersion", { v: r.version })}
                </Link>{" "}
                {t("receiptIssued", { at: formatDateTime(r.issuedAt), by: r.issuedBy })} ·{" "}
                <a className="text-brand-700 underline" href={`${base}/receipt.pdf?v=${r.version}`}>
                  PDF
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {mayTransition ? (
        <section className="mb-6" aria-labelledby="actions-h">
          <h2 id="actions-h" className="mb-3 text-lg font-semibold">
            {t("actions")}
          </h2>
          {moves.length === 0 && !mayApologise ? <p className="text-sm text-slate-700">{t("noActions")}</p> : null}
          {nextMove ? (
            <div className="max-w-xl" data-testid="next-step">
              <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
                {m("desk.detail.nextStep")}
              </h3>
              {moveForm(nextMove)}
            </div>
          ) : null}
          {otherMoves.length || mayApologise ? (
            <details className="mt-4" data-testid="other-moves">
              <summary className="cursor-pointer font-semibold text-brand-700">{m("desk.detail.otherMoves")}</summary>
              <div className="mt-3 grid gap-3 md:grid-cols-2">
                {otherMoves.map(moveForm)}
                {mayApologise ? (
                  <TransitionForm
                    code={d.code}
                    to={APOLOGY}
                    label={t("apology")}
                    hint={t("apologyHint")}
                    extras={requiredExtras(APOLOGY)}
                    action={transitionDossierAction}
                  />
                ) : null}
              </div>
            </details>
          ) : null}
        </section>
      ) : null}

      {mayCorrect ? (
        <details className="mb-6">
          <summary className="cursor-pointer text-lg font-semibold">{t("correct")}</summary>
          <div className="mt-3">
            <CorrectionForm
              action={correctDossierAction}
              initial={{
                code: d.code,
                submitterName: d.submitterName,
                submitterIdNumber: d.submitterIdNumber ?? "",
                submitterPhone: d.submitterPhone84 ? displayVnPhone(d.submitterPhone84) : "",
                submitterEmail: d.submitterEmail ?? "",
                submitterAddress: d.submitterAddress ?? "",
                ownerSameAsSubmitter: d.ownerSameAsSubmitter,
                ownerName: d.ownerName,
                ownerIdNumber: d.ownerIdNumber ?? "",
                ownerPhone: d.ownerPhone84 ? displayVnPhone(d.ownerPhone84) : "",
                ownerEmail: d.ownerEmail ?? "",
                ownerAddress: d.ownerAddress ?? "",
                authorizationDocument: d.authorizationDocument ?? "",
                components: d.components.map((c) => c.name),
                procedureComponents: d.procedureComponents.map((c) => c.name),
                setsCount: d.setsCount,
                notes: d.notes ?? "",
              }}
            />
          </div>
        </details>
      ) : null}

      <DossierNotifications dossierId={d.id} ctx={me} />
    </div>
  );
}
