import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PhonePreview } from "@/components/announcements/phone-preview";
import { ProgressBar } from "@/components/announcements/progress-bar";
import { StepForm } from "@/components/announcements/step-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { composeData } from "@/lib/announcements/compose-data";
import { imageUrl } from "@/lib/announcements/images";
import { announcementPlanPreview, getAnnouncement, sendProgress } from "@/lib/announcements/queries";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { approveAction, cancelAction, pauseAction, resumeAction, returnAction, submitAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function AnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("announcements.read");
  const t = await getTranslations("announcements");
  const skipReasons: Record<string, string> = (await getMessages()).announcements.skipReasons;
  const a = await getAnnouncement(me, Number((await params).id));
  if (!a) notFound();
  const d = await composeData(me);
  const mayWrite = can(me, "announcements.write");
  const mayApprove = can(me, "announcements.approve");
  const reviewing = ["submitted", "approved", "paused"].includes(a.status);
  const plan = reviewing ? await announcementPlanPreview(me, a.id) : null;
  const started = ["approved", "sending", "paused", "sent", "cancelled"].includes(a.status) || !!a.sendStartedAt;
  const progress = started ? await sendProgress(me, a.id) : null;
  const skippedEntries = (s: Record<string, number>) => Object.entries(s).filter(([, n]) => n > 0);
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={a.title}
        actions={
          <>
            {mayWrite && ["draft", "returned", "submitted", "approved", "paused"].includes(a.status) ? (
              <Link className={buttonClass("secondary")} href={`/announcements/${a.id}/edit`}>
                {t("edit")}
              </Link>
            ) : null}
            {a.publishedAt ? (
              <Link className={buttonClass("secondary")} href={`/tin-tuc/${a.slug}`}>
                {t("publicPage")}
              </Link>
            ) : null}
          </>
        }
      >
        <span data-testid="announcement-status">{t(`statuses.${a.status}`)}</span>
        {` · ${t(`categories.${a.category}`)} · `}
        {a.audience.kind === "all" ? t("audienceAll") : t("audienceSegment")}
        {a.scheduledAt ? ` · ${formatDateTime(a.scheduledAt)}` : ""}
      </PageHeader>
      {a.reviewComment ? (
        <Alert tone="warning" title={t("reviewComment")}>
          {a.reviewComment}
        </Alert>
      ) : null}
      {a.lastError ? <Alert tone="error">{a.lastError}</Alert> : null}
      <div className="mt-4 grid gap-8 lg:grid-cols-[1fr_380px]">
        <div className="space-y-6">
          {progress ? (
            <section className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="mb-2 font-bold">{t("progress")}</h2>
              <ProgressBar id={a.id} initial={progress} status={a.status} />
              <h3 className="mt-4 text-sm font-semibold">{t("report")}</h3>
              <div className="grid gap-4 text-sm sm:grid-cols-2">
                <div>
                  <div className="font-semibold">{t("skippedReasons")}</div>
                  <ul>
                    {skippedEntries(progress.skippedByReason).map(([k, n]) => (
                      <li key={k}>
                        {skipReasons[k] ?? k}: {n}
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <div className="font-semibold">{t("failedReasons")}</div>
                  <ul>
                    {skippedEntries(progress.failedByReason).map(([k, n]) => (
                      <li key={k}>
                        {k}: {n}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
              <a
                className="mt-2 inline-block text-sm text-brand-700 underline"
                href={`/announcements/${a.id}/report.csv`}
              >
                {t("reportCsv")}
              </a>
            </section>
          ) : null}
          {plan ? (
            <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="plan">
              <h2 className="mb-2 font-bold">{t("planTitle")}</h2>
              <dl className="grid grid-cols-2 gap-1 text-sm">
                <dt>{t("planAudience")}</dt>
                <dd className="font-semibold">{plan.audience}</dd>
                <dt>{t("planWillSend")}</dt>
                <dd className="font-semibold" data-testid="plan-will-send">
                  {plan.willSend}
                </dd>
                {[
                  ...Object.entries(plan.byChannel).map(([c, n]) => [`c-${c}`, t(`channels.${c}`) ?? c, n] as const),
                  ...skippedEntries(plan.skipped).map(
                    ([k, n]) => [`s-${k}`, `${t("planSkipped")}: ${skipReasons[k] ?? k}`, n] as const,
                  ),
                ].flatMap(([key, label, n]) => [<dt key={`${key}-l`}>{label}</dt>, <dd key={`${key}-n`}>{n}</dd>])}
                <dt>{t("planStartAt")}</dt>
                <dd>{formatDateTime(plan.startAt)}</dd>
              </dl>
            </section>
          ) : null}
          <section className="grid gap-3 sm:grid-cols-2">
            {mayWrite && ["draft", "returned"].includes(a.status) ? (
              <StepForm action={submitAction} id={a.id} label={t("submit")} variant="primary" testId="submit" />
            ) : null}
            {mayApprove && a.status === "submitted" ? (
              <>
                <StepForm
                  action={approveAction}
                  id={a.id}
                  label={t("approve")}
                  variant="primary"
                  fields={[{ name: "scheduledAt", label: t("scheduleAt"), type: "datetime-local" }]}
                  testId="approve"
                />
                <StepForm
                  action={returnAction}
                  id={a.id}
                  label={t("returnToAuthor")}
                  fields={[{ name: "comment", label: t("returnComment"), type: "textarea", required: true }]}
                  testId="return"
                />
              </>
            ) : null}
            {mayApprove && ["approved", "sending"].includes(a.status) ? (
              <StepForm action={pauseAction} id={a.id} label={t("pause")} testId="pause" />
            ) : null}
            {mayApprove && a.status === "paused" ? (
              <StepForm action={resumeAction} id={a.id} label={t("resume")} testId="resume" />
            ) : null}
            {(mayApprove && !["sent", "cancelled"].includes(a.status)) ||
            (mayWrite && ["draft", "returned", "submitted"].includes(a.status)) ? (
              <StepForm action={cancelAction} id={a.id} label={t("cancel")} variant="danger" testId="cancel" />
            ) : null}
          </section>
        </div>
        <aside>
          <h2 className="mb-2 text-sm font-semibold">{t("preview")}</h2>
          <PhonePreview
            title={a.title}
            summary={a.summary}
            coverUrl={a.coverImageId ? imageUrl(a.coverImageId) : a.coverImageUrl}
            body={a.body}
            oaName={d.oaName}
          />
        </aside>
      </div>
    </div>
  );
}
