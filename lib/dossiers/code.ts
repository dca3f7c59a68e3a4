import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossierSequences } from "@/db/schema";

const vnDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** The reception day in Vietnam: "2025-08-12" (for unit-code validity) and "250812" (for the code). */
export function receptionDay(at: Date): { iso: string; yymmdd: string; year: string } {
  const iso = vnDay.format(at);
  return { iso, yymmdd: iso.slice(2).replaceAll("-", ""), year: iso.slice(0, 4) };
}

/** `<unit code>-<YYMMDD>-<sequence>`: at least four digits, longer past 9999 (Circular 03/2025 art. 13). */
export function formatDossierCode(unitCode: string, yymmdd: string, sequence: number): string {
  return `${unitCode}-${yymmdd}-${String(sequence).padStart(4, "0")}`;
}

export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]+-\d{6}-\d{4,}$/;

/**
 * The next number of a counter, inside the caller's transaction. The upsert locks the counter row until
 * commit, so concurrent intakes of the same unit and day queue up and a rolled-back intake leaves no gap.
 */
export async function nextSequence(tx: DbOrTx, unitCode: string, key: string): Promise<number> {
  const [row] = await tx
    .insert(dossierSequences)
    .values({ unitCode, day: key, last: 1 })
    .onConflictDoUpdate({ target: [dossierSequences.unitCode, dossierSequences.day], set: { last: sql`${dossierSequences.last} + 1` } })
    .returning({ last: dossierSequences.last });
  return row.last;
}
