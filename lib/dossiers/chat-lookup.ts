import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Dossier, dossiers } from "@/db/schema";
import { openStatuses, statusLabels } from "./lifecycle";
import { publicLookupUrl, securedLookupUrl } from "./urls";

export interface DossierStatusSummary {
  code: string;
  nationalCode: string | null;
  ownerName: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  /** Safe to send to anyone who typed the code: the page shows status and dates, the name masked. */
  lookupUrl: string;
  /** Carries the dossier's secret (full timeline): send only to the registered phone's Zalo account. */
  securedLookupUrl: string;
  /** The registered contact mobile ("84…"): compare with the chatting user's phone before saying more. */
  phone84: string | null;
}

const LIST_LIMIT = 10;

function summarise(d: Dossier): DossierStatusSummary {
  return {
    code: d.code,
    nationalCode: d.nationalCode,
    ownerName: d.ownerName,
    procedureName: d.procedure.name,
    status: d.status,
    statusLabel: statusLabels[d.status],
    receivedAt: d.receivedAt ?? d.submittedAt ?? d.createdAt,
    dueAt: d.newDueAt ?? d.dueAt,
    finishedAt: d.finishedAt,
    lookupUrl: publicLookupUrl(d.code),
    securedLookupUrl: securedLookupUrl(d.code, d.lookupSecret),
    phone84: d.submitterPhone84 ?? d.ownerPhone84,
  };
}

/** "h27.37-240219-1001 " → "H27.37-240219-1001"; codes are stored upper-case. */
export function normaliseDossierCode(input: string): string {
  return input.normalize("NFC").trim().replace(/\s+/g, "").toUpperCase();
}

/**
 * System-level read for the Zalo chat: the local code (either format) or the national portal's code (both stored
 * upper-case).
 */
export async function findDossierStatusByCode(db: DbOrTx, code: string): Promise<DossierStatusSummary | null> {
  const wanted = normaliseDossierCode(code);
  if (!wanted || wanted.length > 60) return null;
  const [row] = await db
    .select()
    .from(dossiers)
    .where(or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)))
    .limit(1);
  return row ? summarise(row) : null;
}

export async function listOpenDossiersByPhone(db: DbOrTx, phone84: string): Promise<DossierStatusSummary[]> {
  const rows = await db
    .select()
    .from(dossiers)
    .where(
      and(
        or(eq(dossiers.submitterPhone84, phone84), eq(dossiers.ownerPhone84, phone84)),
        inArray(dossiers.status, [...openStatuses]),
      ),
    )
    .orderBy(desc(dossiers.createdAt))
    .limit(LIST_LIMIT);
  return rows.map(summarise);
}

export async function listOpenDossiersByIdNumber(db: DbOrTx, idNumber: string): Promise<DossierStatusSummary[]> {
  const id = idNumber.replace(/\s+/g, "");
  const rows = await db
    .select()
    .from(dossiers)
    .where(
      and(
        or(eq(dossiers.submitterIdNumber, id), eq(dossiers.ownerIdNumber, id)),
        inArray(dossiers.status, [...openStatuses]),
      ),
    )
    .orderBy(desc(dossiers.createdAt))
    .limit(LIST_LIMIT);
  return rows.map(summarise);
}
