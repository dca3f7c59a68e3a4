import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";

export async function checkDatabase(timeoutMs = 5000): Promise<boolean> {
  try {
    await Promise.race([getDb().execute(sql`select 1`), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs))]);
    return true;
  } catch (err) {
    log.error({ err }, "health: database unreachable");
    return false;
  }
}
