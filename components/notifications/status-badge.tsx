import { useTranslations } from "next-intl";
import type { NotificationStatus } from "@/db/schema/notifications";

const tones: Record<NotificationStatus, string> = {
  queued: "bg-slate-100 text-slate-800",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-sky-100 text-sky-900",
  delivered: "bg-green-100 text-green-900",
  seen: "bg-green-200 text-green-950",
  failed_temporary: "bg-amber-100 text-amber-900",
  failed_permanent: "bg-red-100 text-red-900",
  skipped: "bg-slate-200 text-slate-800",
};

export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  const m = useTranslations();
  return (
    <span
      data-testid="notification-status"
      data-status={status}
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tones[status]}`}
    >
      {m(`notifications.statuses.${status}`)}
    </span>
  );
}
