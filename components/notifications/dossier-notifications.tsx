import { getTranslations } from "next-intl/server";
import type { Ctx } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import { formatDate, formatDateTime } from "@/lib/format";
import { listDossierNotifications } from "@/lib/notifications/queries";
import { type DossierZaloAccount, dossierZaloAccount } from "@/lib/notifications/zalo-account";
import { maskDigits } from "@/lib/privacy";
import { ResendButton } from "./resend-button";
import { NotificationStatusBadge } from "./status-badge";
import { Table, THead, Th, ThAction, Tr, Td } from "@/components/ui/table";

/** The dossier page's section: every Zalo notification with its status, attempts, reason and re-send. */
export async function DossierNotifications({ dossierId, ctx }: { dossierId: number; ctx: Ctx }) {
  if (!can(ctx, "notifications.read")) return null;
  const t = await getTranslations("notifications");
  const data = await listDossierNotifications(ctx, dossierId);
  if (!data) return null;
  const account = await dossierZaloAccount(ctx, dossierId);
  const mayResend = can(ctx, "notifications.resend");
  return (
    <section aria-labelledby="zalo-notifications" className="mt-8" data-testid="dossier-notifications">
      <h2 id="zalo-notifications" className="mb-3 text-lg font-bold text-slate-900">
        {t("sectionTitle")}
      </h2>
      {!data.dossier.notifyZalo ? <p className="mb-2 text-sm text-slate-700">{t("zaloOff")}</p> : null}
      {account ? <ZaloAccountLine account={account} /> : null}
      {data.dossier.notifySms ? (
        <p className="mb-2 text-sm text-slate-700" data-testid="sms-notice">
          {t("smsTicked")} <span className="font-semibold">{t("smsNotConfigured")}</span>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <Table>
          <THead>
            <Th>{t("event")}</Th>
            <Th>{t("channel")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("attempts")}</Th>
            <Th>{t("lastError")}</Th>
            <Th>{t("times")}</Th>
            <ThAction label={t("resend")} />
          </THead>
          <tbody>
            {data.items.map((n) => (
              <Tr key={n.id} data-testid="notification-row" data-event={n.eventType}>
                <Td>
                  <div className="font-semibold">{n.eventLabel}</div>
                  <div className="font-mono text-xs text-slate-500">{n.trackingId}</div>
                </Td>
                <Td>
                  {n.channel ? t(`channels.${n.channel}`) : "—"}
                  {n.channel === "zbs" && n.recipient ? (
                    <div className="font-mono text-xs text-slate-500">{maskDigits(n.recipient)}</div>
                  ) : null}
                </Td>
                <Td>
                  <NotificationStatusBadge status={n.status} />
                </Td>
                <Td>{n.attempts}</Td>
                <Td data-testid="notification-error">
                  {n.lastError ? (
                    <>
                      {n.lastError}
                      {n.lastErrorCode !== null ? (
                        <>
                          {" "}
                          <span className="font-mono text-xs text-slate-500">({n.lastErrorCode})</span>
                        </>
                      ) : null}
                    </>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td className="text-xs">
                  <div>
                    {t("created")}: {formatDateTime(n.createdAt)}
                  </div>
                  {n.sentAt ? (
                    <div>
                      {t("sent")}: {formatDateTime(n.sentAt)}
                    </div>
                  ) : null}
                  {n.deliveredAt ? (
                    <div>
                      {t("delivered")}: {formatDateTime(n.deliveredAt)}
                    </div>
                  ) : null}
                  {n.seenAt ? (
                    <div>
                      {t("seen")}: {formatDateTime(n.seenAt)}
                    </div>
                  ) : null}
                  {n.failedAt && n.status === "failed_permanent" ? (
                    <div>
                      {t("failed")}: {formatDateTime(n.failedAt)}
                    </div>
                  ) : null}
                  {n.status === "failed_temporary" || n.status === "queued" ? (
                    <div>
                      {t("nextAttempt")}: {formatDateTime(n.nextAttemptAt)}
                    </div>
                  ) : null}
                </Td>
                <Td>{mayResend && n.status === "failed_permanent" ? <ResendButton id={n.id} /> : null}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/** Whose Zalo the dossier's contact phone reaches, and so how its notifications will go. */
async function ZaloAccountLine({ account: a }: { account: DossierZaloAccount }) {
  const t = await getTranslations("notifications.zaloAccount");
  // The number itself is on the dossier's cards (and masked in this section): say only whose it is.
  const phone = a.kind === "noMobile" ? "" : t(`phoneOf.${a.of}`);
  const lines =
    a.kind === "proven"
      ? [
          t("proven", { name: a.displayName ?? t("unnamed"), date: formatDate(a.confirmedAt), phone }),
          t(a.following ? "following" : "notFollowing"),
          ...(a.others ? [t("others", { count: a.others })] : []),
        ]
      : a.kind === "claimed"
        ? [t("claimed", { phone }), t("claimedHowTo")]
        : a.kind === "none"
          ? [t("none", { phone })]
          : [t("noMobile")];
  return (
    <div
      className="mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800"
      data-testid="zalo-account"
      data-kind={a.kind}
      data-following={a.kind === "proven" ? a.following : undefined}
    >
      <span className="font-semibold">{t("label")}:</span> {lines.join(" ")}
    </div>
  );
}
