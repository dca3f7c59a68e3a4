import type { DossierEventPayload } from "@/db/schema/dossiers";
import { ratingUrlFromLookup } from "@/lib/dossiers/urls";
import { formatDate, formatDateTime } from "@/lib/format";

/** The dossier snapshot as seen by templates: the event's payload plus the unit's name and the event time. */
export interface MessageContext {
  payload: DossierEventPayload;
  unitName: string;
  eventAt: Date;
}

const TZ = "Asia/Ho_Chi_Minh";
const hm = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "numeric", minute: "numeric", hour12: false });

/** "sau 9 giờ 9 phút, ngày 26/02/2024": the appointment as the receipt slips word it. */
export function appointmentText(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const parts = Object.fromEntries(hm.formatToParts(d).map((p) => [p.type, p.value]));
  return `sau ${Number(parts.hour)} giờ ${Number(parts.minute)} phút, ngày ${formatDate(d)}`;
}

/** 1000000 → "1.000.000" (the template words the currency itself). */
export function moneyDigits(amount: number | null): string {
  if (amount == null) return "";
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }).format(amount);
}

/** Every value a template may use, by name; the admin page lists these with their Vietnamese labels. */
export const messageFields = {
  code: (c: MessageContext) => c.payload.code,
  ownerName: (c: MessageContext) => c.payload.ownerName,
  submitterName: (c: MessageContext) => c.payload.submitterName,
  procedureName: (c: MessageContext) => c.payload.procedureName,
  unitName: (c: MessageContext) => c.unitName,
  statusLabel: (c: MessageContext) => c.payload.statusLabel,
  eventTime: (c: MessageContext) => formatDateTime(c.eventAt),
  receivedAt: (c: MessageContext) => formatDateTime(c.payload.receivedAt),
  dueAt: (c: MessageContext) => appointmentText(c.payload.dueAt),
  dueAtShort: (c: MessageContext) => formatDateTime(c.payload.dueAt),
  dueDate: (c: MessageContext) => formatDate(c.payload.dueAt),
  newDueAt: (c: MessageContext) => appointmentText(c.payload.newDueAt),
  newDueDate: (c: MessageContext) => formatDate(c.payload.newDueAt),
  eventDate: (c: MessageContext) => formatDate(c.eventAt),
  feeAmount: (c: MessageContext) => moneyDigits(c.payload.feeAmount),
  feeAmountText: (c: MessageContext) => (c.payload.feeAmount == null ? "" : `${moneyDigits(c.payload.feeAmount)} đồng`),
  paymentUrl: (c: MessageContext) => c.payload.paymentUrl ?? "",
  missing: (c: MessageContext) => (c.payload.missing ?? []).join("; "),
  reason: (c: MessageContext) => c.payload.reason ?? "",
  note: (c: MessageContext) => c.payload.note ?? "",
  lookupUrl: (c: MessageContext) => c.payload.lookupUrl,
  ratingUrl: (c: MessageContext) => ratingUrlFromLookup(c.payload.lookupUrl),
} as const;

export type MessageField = keyof typeof messageFields;
export const messageFieldNames = Object.keys(messageFields) as MessageField[];

export function isMessageField(name: string): name is MessageField {
  return Object.hasOwn(messageFields, name);
}
