import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { StaffSession } from "@/lib/auth/session";
import { zaloShellAlerts } from "@/lib/zalo/admin-view";

/**
 * On every page, admins who can fix the Zalo connection learn at once what needs them: a failed token refresh
 * (messages waiting), refused webhook deliveries, a spent ZBS balance, development mode left on.
 */
export async function ZaloTokenAlert({ me }: { me: StaffSession }) {
  const m = await getTranslations();
  const alerts = await zaloShellAlerts(me);
  if (!alerts?.length) return null;
  return (
    <div
      role="alert"
      data-testid="zalo-alerts"
      className="no-print border-b border-red-200 bg-red-50 px-6 py-3 text-sm text-red-900"
    >
      {alerts.map((a) =>
        a.kind === "token_failed" ? (
          <p key={a.kind} data-testid="zalo-token-alert">
            <span className="font-semibold">{m("zalo.shellAlert")}</span>{" "}
            <Link href="/admin/zalo" className="underline">
              {m("zalo.shellAlertLink")}
            </Link>
          </p>
        ) : (
          <p key={a.kind} data-testid={`zalo-alert-${a.kind}`}>
            <span className="font-semibold">{m(`zalo.shellAlerts.${a.kind}`, { count: a.count ?? 0 })}</span>{" "}
            <Link href="/admin/zalo" className="underline">
              {m("zalo.shellAlertsLink")}
            </Link>
          </p>
        ),
      )}
    </div>
  );
}
