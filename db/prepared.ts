import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type DbOrTx, executedRows } from "./client";

const dialect = new PgDialect({ casing: "snake_case" });

type PostgresJs = { unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]> };

/**
 * db.execute() for a statement of fixed text that runs on every request: on PostgreSQL it goes as a named
 * prepared statement (drizzle sends every query unnamed, which postgres.js turns into two round trips, one
 * to learn the parameter types, and PostgreSQL parses and plans it anew each time). PGlite, and a transaction
 * (it has no client of its own), run it as is.
 */
export async function executePrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client as Partial<PostgresJs> | undefined;
  if (typeof client?.unsafe !== "function") return executedRows<T>(await db.execute(query));
  const { sql, params } = dialect.sqlToQuery(query);
  return (await client.unsafe(sql, params, { prepare: true })) as T[];
}
