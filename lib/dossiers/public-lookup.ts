import { createHash, timingSafeEqual } from "node:crypto";
import { asc, eq, or } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { type DossierStatus, dossierHistory, dossiers } from "@/db/schema";
import { log } from "@/lib/log";
import { maskPersonName } from "@/lib/privacy";
import { hitRateLimit } from "@/lib/rate-limit";
import { normaliseDossierCode } from "./chat-lookup";
import { statusLabels } from "./lifecycle";

export const PUBLIC_LOOKUP_LIMIT = { limit: 30, windowSeconds: 60 };

interface Dates {
  receivedAt: Date | null;
  dueAt: Date | null;
  newDueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
}

export type PublicLookupResult =
  | { kind: "limited"; retryAfterSeconds: number }
  | { kind: "not_found" }
  | ({ kind: "masked"; code: string; ownerName: string; status: DossierStatus; statusLabel: string; phoneMismatch: boolean } & Dates)
  | ({
      kind: "full";
      code: string;
      ownerName: string;
      procedureName: string;
      status: DossierStatus;
      statusLabel: string;
      timeline: { at: Date; status: DossierStatus; statusLabel: string; action: string }[];
    } & Dates);

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
  const rate = await hitRateLimit(db, `lookup:${input.ip ?? "unknown"}`, PUBLIC_LOOKUP_LIMIT);
  if (!rate.allowed) {
    log.warn({ ip: input.ip }, "public dossier look-up rate-limited");
    return { kind: "limited", retryAfterSeconds: rate.retryAfterSeconds };
  }
  const code = normaliseDossierCode(input.code);
  const [d] = code && code.length <= 60 ? await db.select().from(dossiers).where(or(eq(dossiers.code, code), eq(dossiers.nationalCode, code))) : [];
  const phoneDigits = (input.phoneLast4 ?? "").replace(/\D/g, "");
  const bySecret = !!d && !!input.secret && sameSecret(input.secret, d.lookupSecret);
  const phones = d ? [d.submitterPhone84, d.ownerPhone84].filter((p): p is string => !!p) : [];
  const byPhone = !!d && phoneDigits.length === 4 && phones.some((p) => sameSecret(p.slice(-4), phoneDigits));
  const mode = !d ? "not_found" : bySecret ? "secret" : byPhone ? "phone" : "code";
  log.info({ code, ip: input.ip, mode, phoneTried: phoneDigits.length > 0 }, "public dossier look-up");
  if (!d) return { kind: "not_found" };
  const dates: Dates = { receivedAt: d.receivedAt ?? d.submittedAt, dueAt: d.dueAt, newDueAt: d.newDueAt, finishedAt: d.finishedAt, returnedAt: d.returnedAt };
  if (!bySecret && !byPhone) {
    return { kind: "masked", code: d.code, ownerName: maskPersonName(d.ownerName), status: d.status, statusLabel: statusLabels[d.status], phoneMismatch: phoneDigits.length > 0, ...dates };
  }
  const history = await db.select().from(dossierHistory).where(eq(dossierHistory.dossierId, d.id)).orderBy(asc(dossierHistory.at), asc(dossierHistory.id));
  return {
    kind: "full",
    code: d.code,
    ownerName: d.ownerName,
    procedureName: d.procedure.name,
    status: d.status,
    statusLabel: statusLabels[d.status],
    timeline: history.map((h) => ({ at: h.at, status: h.toStatus, statusLabel: statusLabels[h.toStatus], action: h.action })),
    ...dates,
  };
}
