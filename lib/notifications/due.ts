import { sql } from "drizzle-orm";
import { type DbOrTx, executedRows } from "@/db/client";

/** Dossier work due now: status changes not yet routed, or notifications whose (next) attempt has come. */
export const dossierWorkDue = sql<boolean>`(exists (select 1 from dossier_events where dispatched_at is null)
  or exists (select 1 from notifications where status in ('queued', 'failed_temporary') and next_attempt_at <= now()))`;

export async function isDossierWorkDue(db: DbOrTx): Promise<boolean> {
  const [row] = executedRows<{ due: boolean }>(await db.execute(sql`select ${dossierWorkDue} as due`));
  return row?.due === true;
}
