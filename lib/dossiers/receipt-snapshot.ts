import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Dossier, units } from "@/db/schema";
import { securedLookupUrl } from "@/lib/dossiers/urls";
import { displayVnPhone } from "@/lib/phone";

interface ReceiptPerson {
  name: string;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** Everything printed on one version of Mẫu số 01 (Circular 03/2025, vn-rules §1.3), frozen at issue. */
export interface ReceiptSnapshot {
  version: number;
  issuedAt: string;
  number: string;
  place: string;
  parentUnitName: string | null;
  unitName: string;
  unitAddress: string | null;
  code: string;
  nationalCode: string | null;
  submitter: ReceiptPerson;
  /** Filled when the submitter acts under a power of attorney for the owner. */
  attorney: (ReceiptPerson & { document: string | null }) | null;
  procedureName: string;
  procedureCode: string | null;
  components: { name: string; copies: number; original?: boolean }[];
  setsCount: number;
  processingText: string | null;
  receivedAt: string;
  dueAt: string | null;
  resultDelivery: Dossier["resultDelivery"];
  registerBook: string | null;
  registerLine: number | null;
  receiverName: string;
  lookupUrl: string;
  notifyZalo: boolean;
  notes: string | null;
}

/** Place printed before the date ("Hà Tĩnh, ngày …"); one deployment serves one province. */
function receiptPlace(): string {
  return process.env.RECEIPT_PLACE || "Hà Tĩnh";
}

/** "5 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc", "2 ngày làm việc và 4 giờ". */
export function processingText(days: number | null, hours: number | null): string | null {
  const parts: string[] = [];
  if (days) parts.push(`${String(days).replace(".", ",")} ngày làm việc`);
  if (hours) parts.push(`${hours} giờ${days ? "" : " làm việc"}`);
  if (!parts.length) return days === 0 || hours === 0 ? "trong ngày" : null;
  return parts.join(" và ");
}

const person = (
  name: string,
  idNumber: string | null,
  address: string | null,
  phone84: string | null,
  email: string | null,
): ReceiptPerson => ({
  name,
  idNumber,
  address,
  phone: phone84 ? displayVnPhone(phone84) : null,
  email,
});

/** The receiving unit as the receipt prints it. */
export interface ReceiptUnit {
  name: string;
  address: string | null;
  kind: string | null;
  parentName: string | null;
}

export async function loadReceiptUnit(tx: DbOrTx, unitId: number): Promise<ReceiptUnit> {
  const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
  const [parent] = unit?.parentId
    ? await tx.select({ name: units.name }).from(units).where(eq(units.id, unit.parentId))
    : [];
  return {
    name: unit?.name ?? "",
    address: unit?.address ?? null,
    kind: unit?.kind ?? null,
    parentName: parent?.name ?? null,
  };
}

export async function buildReceiptSnapshot(
  tx: DbOrTx,
  d: Dossier,
  version: number,
  receiverName: string,
  issuedAt: Date,
): Promise<ReceiptSnapshot> {
  return receiptSnapshot(await loadReceiptUnit(tx, d.unitId), d, version, receiverName, issuedAt);
}

export function receiptSnapshot(
  unit: ReceiptUnit,
  d: Dossier,
  version: number,
  receiverName: string,
  issuedAt: Date,
): ReceiptSnapshot {
  const suffix = unit.kind === "service_center" ? "TTPVHCC" : "BPTNTKQ";
  return {
    version,
    issuedAt: issuedAt.toISOString(),
    number: d.registerLine ? `${d.registerLine}/${suffix}` : `…/${suffix}`,
    place: receiptPlace(),
    parentUnitName: unit.parentName,
    unitName: unit.name,
    unitAddress: unit.address,
    code: d.code,
    nationalCode: d.nationalCode,
    submitter: person(d.submitterName, d.submitterIdNumber, d.submitterAddress, d.submitterPhone84, d.submitterEmail),
    attorney: d.ownerSameAsSubmitter
      ? null
      : {
          ...person(d.ownerName, d.ownerIdNumber, d.ownerAddress, d.ownerPhone84, d.ownerEmail),
          document: d.authorizationDocument,
        },
    procedureName: d.procedure.name,
    procedureCode: d.procedure.code,
    components: d.components,
    setsCount: d.setsCount,
    processingText: processingText(d.procedure.processingDays, d.procedure.processingHours),
    receivedAt: (d.receivedAt ?? issuedAt).toISOString(),
    dueAt: d.dueAt ? d.dueAt.toISOString() : null,
    resultDelivery: d.resultDelivery,
    registerBook: d.registerBook,
    registerLine: d.registerLine,
    receiverName,
    lookupUrl: securedLookupUrl(d.code, d.lookupSecret),
    notifyZalo: d.notifyZalo,
    notes: d.notes,
  };
}
