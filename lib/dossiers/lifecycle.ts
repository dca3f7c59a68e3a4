import { type DossierStatus, dossierStatuses } from "@/db/schema/dossiers";
import { dossiers as dossierMessages } from "@/lib/i18n/messages/vi/dossiers";
import { msg, ref } from "@/lib/i18n/translate";

export { dossierStatuses, type DossierStatus };

/** Vietnamese labels shown to staff and citizens (machine names stay English); the catalogue is their one source. */
export const statusLabels: Record<DossierStatus, string> = dossierMessages.statuses;

/** Status codes of the national public-service portal (vn-rules §3.1). */
export const nationalStatusCodes: Record<DossierStatus, number> = {
  submitted: 1,
  received: 2,
  rejected: 3,
  assigned: 4,
  appraising: 4,
  awaiting_signature: 4,
  fee_paid: 4,
  supplement_requested: 5,
  fee_requested: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

const transitions: Record<DossierStatus, readonly DossierStatus[]> = {
  submitted: ["received", "rejected", "withdrawn"],
  received: ["assigned", "supplement_requested", "fee_requested", "rejected", "withdrawn", "stopped"],
  assigned: ["appraising", "supplement_requested", "fee_requested", "rejected", "withdrawn", "stopped"],
  appraising: ["awaiting_signature", "supplement_requested", "fee_requested", "rejected", "withdrawn", "stopped"],
  awaiting_signature: ["result_ready", "appraising", "rejected", "stopped"],
  result_ready: ["returned", "fee_requested"],
  // A completed supplement goes back to appraisal (vn-rules §3.3).
  supplement_requested: ["appraising", "rejected", "withdrawn", "stopped"],
  fee_requested: ["fee_paid", "withdrawn", "stopped"],
  // Fees are collected at receipt, during handling or at return (HinhThucThu 1/2/4): resume where it fits.
  fee_paid: ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"],
  stopped: ["appraising", "rejected", "withdrawn"],
  returned: [],
  rejected: [],
  withdrawn: [],
};

export function allowedTransitions(status: DossierStatus): readonly DossierStatus[] {
  return transitions[status];
}

export function canTransition(from: DossierStatus, to: DossierStatus): boolean {
  return transitions[from].includes(to);
}

/** The one action that is not a status change: Phiếu xin lỗi (Mẫu 04) with a new appointment. */
export const APOLOGY = "apology" as const;
export type TransitionTarget = DossierStatus | typeof APOLOGY;
export const transitionTargets: readonly TransitionTarget[] = [...dossierStatuses, APOLOGY];

export const terminalStatuses: readonly DossierStatus[] = ["returned", "rejected", "withdrawn"];
/** Reported as "tạm dừng" (national codes 5, 6, 8). */
export const pausedStatuses: readonly DossierStatus[] = ["supplement_requested", "fee_requested", "stopped"];
/** Processing is done: the due date comparison is final. */
export const finishedStatuses: readonly DossierStatus[] = ["result_ready", "returned"];
export const inProgressStatuses: readonly DossierStatus[] = [
  "received",
  "assigned",
  "appraising",
  "awaiting_signature",
  "fee_paid",
];
/** Still open for the citizen (look-ups by phone in chat list these). */
export const openStatuses: readonly DossierStatus[] = dossierStatuses.filter((s) => !terminalStatuses.includes(s));

/** Whether an apology may be issued in this state: only while the dossier is being handled. */
export function canApologise(status: DossierStatus): boolean {
  return inProgressStatuses.includes(status) || pausedStatuses.includes(status);
}

/** What each target needs besides a note. */
export function requiredExtras(to: TransitionTarget): ("fee" | "reason" | "missing" | "newDueAt")[] {
  switch (to) {
    case "fee_requested":
      return ["fee"];
    case "rejected":
    case "stopped":
      return ["reason"];
    case "supplement_requested":
      return ["missing"];
    case APOLOGY:
      return ["reason", "newDueAt"];
    default:
      return [];
  }
}

/** A packed catalogue key (lib/i18n/translate.ts) naming both statuses. */
export function illegalTransitionMessage(from: DossierStatus, to: TransitionTarget): string {
  const fromLabel = ref(`dossiers.statuses.${from}`);
  if (to === APOLOGY) return msg("errors.dossier.illegalApology", { from: fromLabel });
  return msg("errors.dossier.illegalTransition", { from: fromLabel, to: ref(`dossiers.statuses.${to}`) });
}
