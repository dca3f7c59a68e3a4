import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { RetireProcedureForm } from "@/components/procedures/retire-form";
import { InlineAction } from "@/components/ui/inline-action";
import { Alert } from "@/components/ui/alert";
import { linkButtonClass } from "@/components/procedures/link-class";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { formatProcessingTime, processingNoteFor } from "@/lib/procedures/format";
import { getProcedure } from "@/lib/procedures/queries";
import { reactivateProcedureAction, retireProcedureAction } from "../actions";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-slate-100 py-3 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export default async function ProcedureDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const me = await requirePage("procedures.read");
  const m = await getTranslations();
  const t = await getTranslations("procedures");
  const p = await getProcedure(me, Number((await params).id));
  if (!p) notFound();
  const saved = (await searchParams).saved === "1";
  const manage = can(me, "procedures.manage");
  const note = processingNoteFor(p.processingNote, manage);
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={p.name}
        actions={
          manage ? (
            <Link href={`/procedures/${p.id}/edit`} className={linkButtonClass("secondary")}>
              {t("edit")}
            </Link>
          ) : null
        }
      >
        <span className="font-mono">{p.code ?? t("noCode")}</span> · {p.field}
      </PageHeader>
      {saved ? (
        <div className="mb-4">
          <Alert tone="success">{t("saved")}</Alert>
        </div>
      ) : null}
      {!p.active ? (
        <div className="mb-4">
          <Alert tone="warning" title={t("statuses.retired")}>
            {t("retiredAt")}: {formatDate(p.retiredAt)}
          </Alert>
        </div>
      ) : null}
      <section className="mb-6 rounded-lg border border-slate-200 bg-white px-6 py-2" aria-labelledby="details-heading">
        <h2 id="details-heading" className="sr-only">
          {t("detailsHeading")}
        </h2>
        <dl>
          <Item label={t("code")}>{p.code ? <span className="font-mono">{p.code}</span> : t("noCode")}</Item>
          <Item label={t("field")}>{p.field}</Item>
          <Item label={t("sector")}>{p.sector ?? m("common.none")}</Item>
          <Item label={t("level")}>{p.level ? t(`levels.${p.level}`) : t("levelNone")}</Item>
          <Item label={t("agency")}>{p.agency ?? m("common.none")}</Item>
          <Item label={t("unit")}>{p.unitName ?? t("anyUnit")}</Item>
          <Item label={t("processingTime")}>
            <span className="font-semibold">{formatProcessingTime(p, m)}</span>
            {note ? (
              <p className="mt-1 text-sm text-slate-700" data-testid="processing-note">
                {note}
              </p>
            ) : null}
          </Item>
          <Item label={t("cutoffTime")}>{p.cutoffTime ?? t("noCutoff")}</Item>
          <Item label={t("supplementClock")}>{t(`supplementModes.${p.supplementClock}`)}</Item>
          <Item label={t("fee")}>
            {p.feeAmount != null ? (
              <span className="font-semibold">{p.feeAmount === 0 ? t("free") : formatMoney(p.feeAmount)}</span>
            ) : null}
            {p.feeText ? <p className={p.feeAmount != null ? "mt-1 text-sm text-slate-700" : ""}>{p.feeText}</p> : null}
            {p.feeAmount == null && !p.feeText ? m("common.none") : null}
          </Item>
          <Item label={t("components")}>
            {p.components.length === 0 ? (
              t("noComponents")
            ) : (
              <ol className="list-decimal space-y-1 pl-5">
                {p.components.map((c, i) => (
                  <li key={i}>
                    {c.name} — <span className="whitespace-nowrap">{t("copiesValue", { copies: c.copies })}</span>
                    {c.original ? (
                      <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                        {t("originalBadge")}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Item>
          <Item label={t("deliveryMethods")}>{p.deliveryMethods.map((d) => t(`delivery.${d}`)).join("; ")}</Item>
          <Item label={t("status")}>{p.active ? t("statuses.active") : t("statuses.retired")}</Item>
          <Item label={t("updatedAt")}>{formatDateTime(p.updatedAt)}</Item>
        </dl>
      </section>
      <div className="flex flex-wrap items-start gap-4">
        <Link href="/procedures" className={linkButtonClass("secondary")}>
          {t("backToList")}
        </Link>
        {manage ? (
          p.active ? (
            <RetireProcedureForm id={p.id} action={retireProcedureAction} />
          ) : (
            <InlineAction
              action={reactivateProcedureAction}
              fields={{ id: p.id }}
              label={t("reactivate")}
              pendingLabel={m("common.saving")}
            />
          )
        ) : null}
      </div>
    </div>
  );
}
