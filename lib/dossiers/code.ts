import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossierSequences } from "@/db/schema";
import { toLocalDate } from "@/lib/calendar/time";

/** The reception day in Vietnam: "2025-08-12" (for unit-code validity) and "250812" (for the code). */
export function receptionDay(at: Date): { iso: string; yymmdd: string; year: string } {
  const iso = toLocalDate(at);
  return { iso, yymmdd: iso.slice(2).replaceAll("-", ""), year: iso.slice(0, 4) };
}

/** `<unit code>-<YYMMDD>-<sequence>`: at least four digits, longer past 9999 (Circular 03/2025 art. 13). */
export function formatDossierCode(unitCode: string, yymmdd: string, sequence: number): string {
  return `${unitCode}-${yymmdd}-${String(sequence).padStart(4, "0")}`;
}

export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]+-\d{6}-\d{4,}$/;

/**
 * The next numbers of several counters of one unit code (the day's dossier number, the year's register line),
 * inside the caller's transaction. The upsert locks each counter row until commit, so concurrent intakes
 * queue up and a rolled-back intake leaves no gap; rows are locked in the order given, the same for everyone.
 */
export async function nextSequences(tx: DbOrTx, unitCode: string, keys: string[]): Promise<number[]> {
  const rows = await tx
    .insert(dossierSequences)
    .values(keys.map((day) => ({ unitCode, day, last: 1 })))
    .onConflictDoUpdate({
      target: [dossierSequences.unitCode, dossierSequences.day],
      set: { last: sql`${dossierSequences.last} + 1` },
    })
    .returning({ day: dossierSequences.day, last: dossierSequences.last });
  const byKey = new Map(rows.map((r) => [r.day, r.last]));
  return keys.map((k) => byKey.get(k)!);
}
