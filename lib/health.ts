import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { type ZaloAlertKind, zaloAlerts } from "@/lib/zalo/alerts";

export async function checkDatabase(timeoutMs = 5000): Promise<boolean> {
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return true;
  } catch (err) {
    log.error({ err }, "health: database unreachable");
    return false;
  }
}

/** Active Zalo alerts by kind (e.g. ["token_failed"]); problems reading them are logged, not raised. */
export async function zaloHealth(): Promise<ZaloAlertKind[]> {
  try {
    return (await zaloAlerts(getDb())).map((a) => a.kind);
  } catch (err) {
    log.error({ err }, "health: zalo alerts unreadable");
    return [];
  }
}
