import { useTranslations } from "next-intl";

/** "3 giờ 20 phút" / "2 ngày 4 giờ" from milliseconds. */
export function spanText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} ngày${hours ? ` ${hours} giờ` : ""}`;
  if (hours > 0) return `${hours} giờ ${minutes % 60} phút`;
  return `${minutes} phút`;
}

/** The SLA timer of a conversation: overdue / time left to the legal deadline, and how long the citizen has waited. */
export function SlaCell({
  dueAt,
  waitingSince,
  resolved,
  now,
}: {
  dueAt: Date | null;
  waitingSince: Date | null;
  resolved: boolean;
  now: Date;
}) {
  const m = useTranslations("conversations");
  if (resolved) return <span className="text-slate-500">—</span>;
  const left = dueAt ? dueAt.getTime() - now.getTime() : null;
  return (
    <span className="flex flex-col text-xs">
      {left != null ? (
        <span
          data-testid="sla-due"
          className={
            left < 0
              ? "font-semibold text-red-700"
              : left < 86_400_000
                ? "font-semibold text-amber-700"
                : "text-slate-700"
          }
        >
          {left < 0 ? `${m("overdueBy")} ${spanText(-left)}` : `${m("timeLeft")} ${spanText(left)}`}
        </span>
      ) : null}
      {waitingSince ? (
        <span className="text-slate-600">
          {m("waitingFor")}: {spanText(now.getTime() - waitingSince.getTime())}
        </span>
      ) : null}
    </span>
  );
}
