import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";
import { type Db, type DbHandle, openPglite, openPostgres, setDbHandle } from "./client";
import * as schema from "./schema";

const TEMPLATE_FILE = path.resolve(".test-data", "pglite-template.tar");

export function testDbKind(): "pglite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** Builds a migrated PGlite once per test run; each test file starts from a copy (0.8 s instead of 3.5 s). */
export async function buildPgliteTemplate(): Promise<void> {
  const h = openPglite("memory://");
  await h.migrate();
  const client = (h.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await h.close();
}

async function pgliteFromTemplate(): Promise<DbHandle> {
  if (!fs.existsSync(TEMPLATE_FILE)) {
    const h = openPglite("memory://");
    await h.migrate();
    return h;
  }
  const client = new PGlite({
    loadDataDir: new Blob([fs.readFileSync(TEMPLATE_FILE)]),
    extensions: { pg_trgm, unaccent },
  });
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", migrate: async () => {}, close: () => client.close() };
}

/** A PostgreSQL database of its own for one test file, dropped afterwards. */
async function postgresDatabase(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `motcua_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const h = openPostgres(u.toString(), { max: 20 });
  await h.migrate();
  return {
    ...h,
    close: async () => {
      await h.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Opens a fresh, migrated database for the current test file and installs it as the process database. */
export async function useTestDb(): Promise<DbHandle> {
  const h = testDbKind() === "postgres" ? await postgresDatabase() : await pgliteFromTemplate();
  setDbHandle(h);
  return h;
}
