import type { SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { executePrepared } from "@/db/prepared";

/**
 * A report statement, named and prepared on PostgreSQL: one round trip and one plan per connection instead of a
 * type round trip and a fresh plan for every run. On a loaded server each round trip waits for the CPU.
 * (A transaction has no client of its own: it runs the statement as is.)
 */
export function reportRows<T = Record<string, string | null>>(db: DbOrTx, query: SQL): Promise<T[]> {
  return executePrepared<T>(db as Db, query);
}
