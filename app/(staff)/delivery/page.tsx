import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NotificationStatusBadge } from "@/components/notifications/status-badge";
import { ResendButton } from "@/components/notifications/resend-button";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { deliveryOverview } from "@/lib/notifications/queries";
import { Table, THead, Td, Th, ThAction, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";

function Stat({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="text-2xl font-bold text-slate-900" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

export default async function DeliveryPage() {
  const me = await requirePage("notifications.admin");
  const m = await getTranslations();
  const t = await getTranslations("notifications.delivery");
  const o = await deliveryOverview(me);
  const mayResend = can(me, "notifications.resend");
  const windows = [
    { title: t("last24h"), s: o.last24h, id: "24h" },
    { title: t("last7d"), s: o.last7d, id: "7d" },
  ];
  return (
    <div className="max-w-6xl">
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>

      <h2 className="mb-2 text-lg font-bold">{t("queue")}</h2>
      <div className="mb-6 grid gap-3 sm:grid-cols-4">
        <Stat label={t("waiting")} value={o.queue.waiting} testId="queue-waiting" />
        <Stat label={t("due")} value={o.queue.due} />
        <Stat label={t("sending")} value={o.queue.sending} />
        <Stat label={t("oldestDue")} value={o.queue.oldestDue ? formatDateTime(o.queue.oldestDue) : "—"} />
      </div>

      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-bold">{t("token")}</h2>
          <p data-testid="token-state">{t(`tokenStates.${o.token.state}`)}</p>
          {o.token.accessTokenExpiresAt ? (
            <p className="text-sm text-slate-700">
              {t("tokenExpires")}: {formatDateTime(o.token.accessTokenExpiresAt)}
            </p>
          ) : null}
          {o.token.lastError ? (
            <p className="text-sm text-red-800">
              {t("tokenLastError")}: {o.token.lastError} ({formatDateTime(o.token.lastErrorAt)})
            </p>
          ) : null}
          <p className="mt-2 text-sm text-slate-700">
            {o.rate.enabled ? t("rate", { perMinute: o.rate.perMinute.toLocaleString("vi-VN") }) : t("rateOff")}
          </p>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-bold">{t("quota")}</h2>
          {o.quota.stoppedUntil ? (
            <Alert tone="warning">{t("quotaStopped", { at: formatDateTime(o.quota.stoppedUntil) })}</Alert>
          ) : null}
          <p data-testid="quota">
            {o.quota.remainingQuota !== null && o.quota.dailyQuota !== null
              ? t("quotaRemaining", {
                  remaining: o.quota.remainingQuota.toLocaleString("vi-VN"),
                  daily: o.quota.dailyQuota.toLocaleString("vi-VN"),
                  at: formatDateTime(o.quota.updatedAt),
                })
              : t("quotaUnknown")}
          </p>
        </section>
      </div>

      <div className="mb-6 grid gap-4 md:grid-cols-2">
        {windows.map(({ title, s, id }) => (
          <section key={id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`window-${id}`}>
            <h2 className="mb-2 font-bold">{title}</h2>
            <dl className="mb-3 grid grid-cols-2 gap-1 text-sm">
              <dt>{t("sentCount")}</dt>
              <dd className="font-semibold">{s.sent}</dd>
              <dt>{t("deliveredCount")}</dt>
              <dd className="font-semibold">{s.delivered}</dd>
              <dt>{t("seenCount")}</dt>
              <dd className="font-semibold">{s.seen}</dd>
              <dt>{t("failedCount")}</dt>
              <dd className="font-semibold">{s.failedPermanent}</dd>
              <dt>{t("skippedCount")}</dt>
              <dd className="font-semibold">{s.skipped}</dd>
            </dl>
            <h3 className="text-sm font-semibold">{t("reasons")}</h3>
            {s.reasons.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noFailures")}</p>
            ) : (
              <Table variant="plain">
                <THead plain>
                  <Th className="px-2">{t("reason")}</Th>
                  <Th className="px-2">{t("kind")}</Th>
                  <Th className="px-2 text-right">{t("count")}</Th>
                </THead>
                <tbody>
                  {s.reasons.map((r, i) => (
                    <Tr key={i}>
                      <Td className="px-2">
                        {r.reason ?? "—"}
                        {r.code !== null ? <span className="ml-1 font-mono text-xs">({r.code})</span> : null}
                      </Td>
                      <Td className="px-2">{m(`notifications.statuses.${r.status}`)}</Td>
                      <Td className="px-2 text-right">{r.count}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        ))}
      </div>

      <h2 className="mb-2 text-lg font-bold">{t("failures")}</h2>
      {o.failures.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noFailures")}</p>
      ) : (
        <Table>
          <THead>
            <Th>{t("dossier")}</Th>
            <Th>{m("notifications.event")}</Th>
            <Th>{m("notifications.status")}</Th>
            <Th>{t("reason")}</Th>
            <Th>{t("failedAt")}</Th>
            <ThAction label={m("notifications.resend")} />
          </THead>
          <tbody>
            {o.failures.map((f) => (
              <Tr key={f.id} data-testid="failure-row">
                <Td>
                  {f.dossierCode ? (
                    <Link className="text-brand-700 underline" href={`/dossiers/${encodeURIComponent(f.dossierCode)}`}>
                      {f.dossierCode}
                    </Link>
                  ) : (
                    `#${f.dossierId}`
                  )}
                  <div className="font-mono text-xs text-slate-500">{f.trackingId}</div>
                </Td>
                <Td>{f.eventLabel}</Td>
                <Td>
                  <NotificationStatusBadge status={f.status} />
                </Td>
                <Td>
                  {f.lastError}
                  {f.lastErrorCode !== null ? (
                    <span className="ml-1 font-mono text-xs">({f.lastErrorCode})</span>
                  ) : null}
                </Td>
                <Td>{formatDateTime(f.failedAt)}</Td>
                <Td>{mayResend ? <ResendButton id={f.id} /> : null}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
