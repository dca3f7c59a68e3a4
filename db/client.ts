import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

/** Opens PGlite in a folder (or in memory with "memory://") with the extensions the migrations need. */
export function openPglite(location: string): DbHandle {
  const release = location.startsWith("memory://") ? () => {} : acquireDataDirLock(location);
  const client = new PGlite(
    location.startsWith("memory://") ? location : path.join(/*turbopackIgnore: true*/ location, "pglite"),
    {
      extensions: { pg_trgm, unaccent },
    },
  );
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** `onQuery` sees every statement sent (the benchmarks count statements per message with it). */
export function openPostgres(url: string, options: { max?: number; onQuery?: () => void } = {}): DbHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, debug: options.onQuery });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

export function openFromEnv(): DbHandle {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(dataDir());
}

const holder = globalThis as unknown as { __motcuaDb?: DbHandle };

/** The process-wide database; tests install their own with setDbHandle. */
export function dbHandle(): DbHandle {
  holder.__motcuaDb ??= openFromEnv();
  return holder.__motcuaDb;
}

export function getDb(): Db {
  return dbHandle().db;
}

export function setDbHandle(handle: DbHandle | undefined): void {
  holder.__motcuaDb = handle;
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

/** The rows of `db.execute()`: postgres.js returns the array itself, PGlite an object holding it. */
export function executedRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/**
 * A PostgreSQL array literal ('{"a","b"}') to bind as one parameter and cast (`${pgArrayLiteral(ids)}::bigint[]`):
 * drizzle expands a JavaScript array into one parameter per element.
 */
export function pgArrayLiteral(values: (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
