import type { Ctx } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import { getMessages } from "@/lib/i18n";
import { listDossierNotifications } from "@/lib/notifications/queries";
import { maskDigits } from "@/lib/privacy";
import { ResendButton } from "./resend-button";
import { NotificationStatusBadge } from "./status-badge";

/** The dossier page's section: every Zalo notification with its status, attempts, reason and re-send. */
export async function DossierNotifications({ dossierId, ctx }: { dossierId: number; ctx: Ctx }) {
  if (!can(ctx, "notifications.read")) return null;
  const m = await getMessages();
  const t = m.notifications;
  const data = await listDossierNotifications(ctx, dossierId);
  if (!data) return null;
  const mayResend = can(ctx, "notifications.resend");
  return (
    <section aria-labelledby="zalo-notifications" className="mt-8" data-testid="dossier-notifications">
      <h2 id="zalo-notifications" className="mb-3 text-lg font-bold text-slate-900">{t.sectionTitle}</h2>
      {!data.dossier.notifyZalo ? <p className="mb-2 text-sm text-slate-700">{t.zaloOff}</p> : null}
      {data.dossier.notifySms ? (
        <p className="mb-2 text-sm text-slate-700" data-testid="sms-notice">
          {t.smsTicked} <span className="font-semibold">{t.smsNotConfigured}</span>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t.none}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{t.event}</th>
                <th scope="col" className="px-3 py-2">{t.channel}</th>
                <th scope="col" className="px-3 py-2">{t.status}</th>
                <th scope="col" className="px-3 py-2">{t.attempts}</th>
                <th scope="col" className="px-3 py-2">{t.lastError}</th>
                <th scope="col" className="px-3 py-2">{t.times}</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">{t.resend}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((n) => (
                <tr key={n.id} className="border-t border-slate-100 align-top" data-testid="notification-row" data-event={n.eventType}>
                  <td className="px-3 py-2">
                    <div className="font-semibold">{n.eventLabel}</div>
                    <div className="font-mono text-xs text-slate-500">{n.trackingId}</div>
                  </td>
                  <td className="px-3 py-2">
                    {n.channel ? t.channels[n.channel] : "—"}
                    {n.channel === "zbs" && n.recipient ? <div className="font-mono text-xs text-slate-500">{maskDigits(n.recipient)}</div> : null}
                  </td>
                  <td className="px-3 py-2"><NotificationStatusBadge m={m} status={n.status} /></td>
                  <td className="px-3 py-2">{n.attempts}</td>
                  <td className="px-3 py-2" data-testid="notification-error">
                    {n.lastError ? (
                      <>
                        {n.lastError}
                        {n.lastErrorCode !== null ? <> <span className="font-mono text-xs text-slate-500">({n.lastErrorCode})</span></> : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    <div>{t.created}: {formatDateTime(n.createdAt)}</div>
                    {n.sentAt ? <div>{t.sent}: {formatDateTime(n.sentAt)}</div> : null}
                    {n.deliveredAt ? <div>{t.delivered}: {formatDateTime(n.deliveredAt)}</div> : null}
                    {n.seenAt ? <div>{t.seen}: {formatDateTime(n.seenAt)}</div> : null}
                    {n.failedAt && n.status === "failed_permanent" ? <div>{t.failed}: {formatDateTime(n.failedAt)}</div> : null}
                    {n.status === "failed_temporary" || n.status === "queued" ? <div>{t.nextAttempt}: {formatDateTime(n.nextAttemptAt)}</div> : null}
                  </td>
                  <td className="px-3 py-2">{mayResend && n.status === "failed_permanent" ? <ResendButton m={m} id={n.id} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
