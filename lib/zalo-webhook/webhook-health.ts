import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/lib/cache/per-db";
import { zaloWebhookHealth } from "@/db/schema";
import { log } from "@/lib/log";

export type WebhookRefusal = "signature" | "unconfigured";

/**
 * Counts a delivery the webhook refused (Zalo retries it, then disables a webhook that keeps failing). Never
 * throws: the answer to Zalo must not depend on this bookkeeping.
 */
export async function recordWebhookRefusal(db: Db, kind: WebhookRefusal, now = new Date()): Promise<void> {
  const column = kind === "signature" ? sql`signature_failures` : sql`unconfigured_events`;
  try {
    await db.execute(sql`
      insert into ${zaloWebhookHealth} (id, signature_failures, unconfigured_events, first_refused_at, last_refused_at)
      values (1, ${kind === "signature" ? 1 : 0}, ${kind === "unconfigured" ? 1 : 0},
        ${now.toISOString()}, ${now.toISOString()})
      on conflict (id) do update set ${column} = ${zaloWebhookHealth}.${column} + 1,
        first_refused_at = coalesce(${zaloWebhookHealth}.first_refused_at, excluded.first_refused_at),
        last_refused_at = excluded.last_refused_at`);
  } catch (err) {
    log.error({ err }, "could not record a refused zalo webhook delivery");
  }
  resetState(db).refused = true;
}

// Whether this process may have counted refusals since it last reset them; other processes reset on a timer.
const resetState = perDb(() => ({ at: 0, refused: false }));
const RESET_EVERY_MS = 10_000;

/**
 * A verified delivery ends a run of refusals. On the hot path this is at most one conditional UPDATE per process
 * every few seconds (at once after a refusal this process saw), which touches no row while all is well.
 */
export async function recordWebhookVerified(db: Db, now = new Date()): Promise<void> {
  const last = resetState(db);
  if (!last.refused && now.getTime() - last.at < RESET_EVERY_MS) return;
  last.at = now.getTime();
  last.refused = false;
  try {
    await db.execute(sql`
      update ${zaloWebhookHealth} set signature_failures = 0, unconfigured_events = 0, first_refused_at = null,
        last_verified_at = ${now.toISOString()}
      where id = 1 and (signature_failures > 0 or unconfigured_events > 0)`);
  } catch (err) {
    log.error({ err }, "could not reset the zalo webhook refusal count");
  }
}
