import { useTranslations } from "next-intl";
import type { DossierStatus } from "@/db/schema/dossiers";
import type { OnTimeState } from "@/lib/dossiers/on-time";

const onTimeTones: Record<OnTimeState, string> = {
  early: "bg-green-100 text-green-900",
  on_time: "bg-green-100 text-green-900",
  late: "bg-red-100 text-red-900",
  within: "bg-sky-100 text-sky-900",
  due_soon: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-900",
  paused: "bg-slate-200 text-slate-800",
  none: "bg-slate-100 text-slate-700",
};

const statusTones: Partial<Record<DossierStatus, string>> = {
  returned: "bg-green-100 text-green-900",
  result_ready: "bg-green-50 text-green-900",
  rejected: "bg-red-100 text-red-900",
  withdrawn: "bg-slate-200 text-slate-800",
  stopped: "bg-slate-200 text-slate-800",
  supplement_requested: "bg-amber-100 text-amber-900",
  fee_requested: "bg-amber-100 text-amber-900",
};

export function OnTimeBadge({ state }: { state: OnTimeState }) {
  const m = useTranslations();
  return (
    <span
      data-testid="on-time"
      data-state={state}
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${onTimeTones[state]}`}
    >
      {m(`dossiers.onTime.${state}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: DossierStatus }) {
  const m = useTranslations();
  return (
    <span
      data-testid="dossier-status"
      data-status={status}
      className={[
        "inline-block rounded px-2 py-0.5 text-xs font-semibold",
        statusTones[status] ?? "bg-brand-50 text-brand-800",
      ].join(" ")}
    >
      {m(`dossiers.statuses.${status}`)}
    </span>
  );
}
