import { eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossiers } from "@/db/schema";
import { type RateWindow, peekRateLimit, rateWindow } from "@/lib/rate-limit";
import { normaliseDossierCode } from "./chat-lookup";

export const PUBLIC_LOOKUP_LIMIT: RateWindow = { limit: 30, windowSeconds: 60 };

/**
 * Wrong "last four phone digits" for one dossier, counted from every address together: the digits are a
 * 10⁴ secret and codes are sequential, so a per-address limit alone would not stop a botnet.
 */
export const PHONE_FAILURE_CAP: RateWindow = { limit: 10, windowSeconds: 60 * 60 };

export const lookupIpKey = (ip: string | null) => `lookup:${ip ?? "unknown"}`;
export const phoneFailureKey = (dossierId: number) => `lookup-phone-fail:${dossierId}`;

export async function findLookupDossier(db: DbOrTx, rawCode: string) {
  const code = normaliseDossierCode(rawCode);
  if (!code || code.length > 60) return { code, dossier: undefined };
  const [dossier] = await db
    .select()
    .from(dossiers)
    .where(or(eq(dossiers.code, code), eq(dossiers.nationalCode, code)));
  return { code, dossier };
}

/** Whether the phone mode of this dossier is closed for now; how long until it reopens. */
export async function phoneModeClosed(db: DbOrTx, dossierId: number, now = new Date()): Promise<number | null> {
  const state = await peekRateLimit(db, phoneFailureKey(dossierId), PHONE_FAILURE_CAP, now);
  return state.allowed ? null : rateWindow(PHONE_FAILURE_CAP, now).retryAfterSeconds;
}

/**
 * Before a look-up page renders: would it be refused? Only reads the counters (the look-up itself counts), so
 * the page can answer 429 with Retry-After instead of a 200 page that says "try later".
 */
export async function lookupRefusal(
  db: DbOrTx,
  input: { code: string; phoneTried: boolean; ip: string | null },
  now = new Date(),
): Promise<{ retryAfterSeconds: number } | null> {
  const byIp = await peekRateLimit(db, lookupIpKey(input.ip), PUBLIC_LOOKUP_LIMIT, now);
  if (!byIp.allowed) return { retryAfterSeconds: rateWindow(PUBLIC_LOOKUP_LIMIT, now).retryAfterSeconds };
  if (!input.phoneTried) return null;
  const { dossier } = await findLookupDossier(db, input.code);
  const closedFor = dossier ? await phoneModeClosed(db, dossier.id, now) : null;
  return closedFor == null ? null : { retryAfterSeconds: closedFor };
}
