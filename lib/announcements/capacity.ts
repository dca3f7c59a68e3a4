import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { takeSendTokens } from "@/lib/notifications/rate-limit";

/**
 * Dossier work on its way to Zalo: events not yet routed, or notifications due. While any wait,
 * announcements take nothing from the shared bucket.
 */
const dossierWorkWaiting = sql<boolean>`exists (select 1 from dossier_events where dispatched_at is null)
  or exists (select 1 from notifications where status in ('queued', 'failed_temporary') and next_attempt_at <= now())`;

/**
 * Up to `want` tokens from the app-wide bucket the dossier notifications use (lib/notifications/rate-limit.ts),
 * granted only when no dossier notification is waiting: an announcement only ever uses leftover capacity.
 * `waitMs` says when to ask again; `busy` that dossier work is waiting (the caller should step aside at once).
 */
export function takeLeftoverTokens(db: DbOrTx, want: number): Promise<{ granted: number; waitMs: number; busy?: boolean }> {
  return takeSendTokens(db, want, { stepAsideWhen: dossierWorkWaiting });
}
