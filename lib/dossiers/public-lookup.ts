import { createHash, timingSafeEqual } from "node:crypto";
import { asc, eq, or } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { type DossierStatus, dossierHistory, dossiers, units, zaloSettings } from "@/db/schema";
import { type OfficeHours, loadOfficeHours } from "@/lib/calendar";
import { oaDisplayName } from "@/lib/zalo/oa-name";
import { log } from "@/lib/log";
import { maskPersonName } from "@/lib/privacy";
import { hitRateLimit } from "@/lib/rate-limit";
import {
  PHONE_FAILURE_CAP,
  PUBLIC_LOOKUP_LIMIT,
  findLookupDossier,
  lookupIpKey,
  phoneFailureKey,
  phoneModeClosed,
} from "./lookup-gate";
import { isAllowedPaymentUrl } from "./schemas";
import { finishedStatuses, statusLabels, terminalStatuses } from "./lifecycle";

export { PUBLIC_LOOKUP_LIMIT } from "./lookup-gate";

interface Dates {
  receivedAt: Date | null;
  dueAt: Date | null;
  newDueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
}

/** The office that received the dossier, as the citizen needs it to go there or call. */
export interface ReceivingOffice {
  name: string;
  address: string | null;
  hotline: string | null;
  hours: OfficeHours;
}

/** What the citizen must do now, as the Zalo messages say it; each part only when the dossier is in that state. */
export interface CitizenTodo {
  supplement: string[] | null;
  fee: { amount: number; paymentUrl: string | null } | null;
  /** The new due date of an apology (Mẫu 04) while the dossier is still being handled. */
  apologyDueAt: Date | null;
}

interface Shared {
  office: ReceivingOffice;
  /** The province's OA to follow, when one is configured. */
  oaId: string | null;
  oaName: string;
}

export type PublicLookupResult =
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "not_found" }
  | ({
      kind: "masked";
      code: string;
      ownerName: string;
      status: DossierStatus;
      statusLabel: string;
      phoneMismatch: boolean;
    } & Dates &
      Shared)
  | ({
      kind: "full";
      code: string;
      ownerName: string;
      procedureName: string;
      status: DossierStatus;
      statusLabel: string;
      timeline: { at: Date; status: DossierStatus; statusLabel: string; action: string }[];
      todo: CitizenTodo;
    } & Dates &
      Shared);

function citizenTodo(d: typeof dossiers.$inferSelect): CitizenTodo {
  const handling = !terminalStatuses.includes(d.status) && !finishedStatuses.includes(d.status);
  return {
    supplement: d.status === "supplement_requested" && d.missingItems?.length ? d.missingItems : null,
    fee:
      d.status === "fee_requested" && d.feeAmount != null
        ? {
            amount: d.feeAmount,
            paymentUrl: d.feePaymentUrl && isAllowedPaymentUrl(d.feePaymentUrl) ? d.feePaymentUrl : null,
          }
        : null,
    apologyDueAt: handling && d.apologyAt && d.newDueAt ? d.newDueAt : null,
  };
}

async function sharedParts(db: DbOrTx, unitId: number): Promise<Shared> {
  const [[unit], [oa], hours, { name: oaName }] = await Promise.all([
    db
      .select({ name: units.name, address: units.address, hotline: units.hotline })
      .from(units)
      .where(eq(units.id, unitId)),
    db.select({ oaId: zaloSettings.oaId }).from(zaloSettings).limit(1),
    loadOfficeHours(db, unitId),
    oaDisplayName(db),
  ]);
  return {
    office: { name: unit?.name ?? "", address: unit?.address ?? null, hotline: unit?.hotline ?? null, hours },
    oaId: oa?.oaId || null,
    oaName,
  };
}

/** Equal-time comparison of two strings of any length (hashing first makes the lengths equal). */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/**
 * Citizen look-up without sign-in. Code + the QR secret, or code + the last four digits of the
 * registered phone, shows the procedure and timeline; a code alone shows status and dates with the
 * owner's name masked. Never a phone, ID number or address. Rate-limited per IP and logged.
 */
export async function publicLookup(
  input: { code: string; secret?: string | null; phoneLast4?: string | null; ip: string | null },
  db: DbOrTx = getDb(),
): Promise<PublicLookupResult> {
  const rate = await hitRateLimit(db, lookupIpKey(input.ip), PUBLIC_LOOKUP_LIMIT);
  if (!rate.allowed) {
    log.warn({ ip: input.ip }, "public dossier look-up rate-limited");
    return { kind: "limited", retryAfterSeconds: rate.retryAfterSeconds };
  }
  const { code, dossier: d } = await findLookupDossier(db, input.code);
  const phoneDigits = (input.phoneLast4 ?? "").replace(/\D/g, "");
  const bySecret = !!d && !!input.secret && sameSecret(input.secret, d.lookupSecret);
  if (d && !bySecret && phoneDigits.length > 0) {
    const closedFor = await phoneModeClosed(db, d.id);
    if (closedFor != null) {
      log.warn({ code, ip: input.ip }, "public dossier look-up by phone digits closed for this dossier");
      return { kind: "limited", retryAfterSeconds: closedFor };
    }
  }
  const phones = d ? [d.submitterPhone84, d.ownerPhone84].filter((p): p is string => !!p) : [];
  const byPhone = !!d && phoneDigits.length === 4 && phones.some((p) => sameSecret(p.slice(-4), phoneDigits));
  if (d && !bySecret && !byPhone && phoneDigits.length > 0)
    await hitRateLimit(db, phoneFailureKey(d.id), PHONE_FAILURE_CAP);
  const mode = !d ? "not_found" : bySecret ? "secret" : byPhone ? "phone" : "code";
  log.info({ code, ip: input.ip, mode, phoneTried: phoneDigits.length > 0 }, "public dossier look-up");
  if (!d) return { kind: "not_found" };
  const dates: Dates = {
    receivedAt: d.receivedAt ?? d.submittedAt,
    dueAt: d.dueAt,
    newDueAt: d.newDueAt,
    finishedAt: d.finishedAt,
    returnedAt: d.returnedAt,
  };
  const shared = await sharedParts(db, d.unitId);
  if (!bySecret && !byPhone) {
    const masked = {
      code: d.code,
      ownerName: maskPersonName(d.ownerName),
      status: d.status,
      statusLabel: statusLabels[d.status],
    };
    return { kind: "masked", ...masked, phoneMismatch: phoneDigits.length > 0, ...dates, ...shared };
  }
  const history = await db
    .select()
    .from(dossierHistory)
    .where(eq(dossierHistory.dossierId, d.id))
    .orderBy(asc(dossierHistory.at), asc(dossierHistory.id));
  return {
    kind: "full",
    code: d.code,
    ownerName: d.ownerName,
    procedureName: d.procedure.name,
    status: d.status,
    statusLabel: statusLabels[d.status],
    timeline: history.map((h) => ({
      at: h.at,
      status: h.toStatus,
      statusLabel: statusLabels[h.toStatus],
      action: h.action,
    })),
    todo: citizenTodo(d),
    ...dates,
    ...shared,
  };
}
