import { desc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossiers } from "@/db/schema";
import { DOSSIER_CODE } from "@/lib/dossiers/code-pattern";

const MAX_SUGGESTIONS = 10;

/** Dossier codes written in a message ("H27.37-240219-1001", "000.00.04.H27-240219-0028"). */
export function findDossierCodes(text: string): string[] {
  const re = new RegExp(DOSSIER_CODE.source, "g");
  return [...new Set([...text.toUpperCase().matchAll(re)].map((m) => m[0]))];
}

/** The latest dossiers registered with the follower's linked phone: candidates for "which dossier is this about". */
export async function dossiersOfPhone(
  db: DbOrTx,
  phone84: string | null,
  limit = 5,
): Promise<{ code: string; unitId: number }[]> {
  if (!phone84) return [];
  return db
    .select({ code: dossiers.code, unitId: dossiers.unitId })
    .from(dossiers)
    .where(or(eq(dossiers.submitterPhone84, phone84), eq(dossiers.ownerPhone84, phone84)))
    .orderBy(desc(dossiers.createdAt))
    .limit(limit);
}

export function mergeSuggestions(current: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...current, ...added])].slice(0, MAX_SUGGESTIONS);
}
