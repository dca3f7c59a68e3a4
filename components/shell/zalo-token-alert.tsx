import Link from "next/link";
import type { StaffSession } from "@/lib/auth/session";
import type { Messages } from "@/lib/i18n";
import { zaloTokenAlertShown } from "@/lib/zalo/admin-view";

/** On every page, admins who can reconnect the OA learn at once that its token refresh failed and messages are waiting. */
export async function ZaloTokenAlert({ me, m }: { me: StaffSession; m: Messages }) {
  if (!(await zaloTokenAlertShown(me))) return null;
  return (
    <div role="alert" data-testid="zalo-token-alert" className="no-print border-b border-red-200 bg-red-50 px-6 py-3 text-sm text-red-900">
      <span className="font-semibold">{m.zalo.shellAlert}</span>{" "}
      <Link href="/admin/zalo" className="underline">
        {m.zalo.shellAlertLink}
      </Link>
    </div>
  );
}
