import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossierWorkDue } from "./due";
import { takeSendTokens } from "./rate-limit";

/**
 * Dossier work on its way to Zalo: events not yet routed, notifications due, or claimed by a sender that may
 * still be waiting for its tokens.
 */
const dossierWorkWaiting = sql<boolean>`${dossierWorkDue} or exists (select 1 from notifications where status =
  'sending')`;

/**
 * Up to `want` tokens from the app-wide bucket the dossier notifications use (lib/notifications/rate-limit.ts).
 * While dossier work waits, half the bucket stays theirs: the refill tops that up before announcements get any,
 * so a dossier notification never waits behind an announcement, and announcements still take all the rest.
 */
export function takeLeftoverTokens(db: DbOrTx, want: number): Promise<{ granted: number; waitMs: number }> {
  return takeSendTokens(db, want, { reserveWhen: dossierWorkWaiting });
}
