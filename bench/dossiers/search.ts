/**
 * Dossier search at scale (issue 3): 1,000,000 dossiers in PostgreSQL, the list page's own query
 * (listDossiers from lib/dossiers/list.ts, a receptionist of the provincial centre, first page) with a
 * search term. p95 ≤ 50 ms, and ≥ 20× faster than the same queries with the search indexes (trigram, and word-start
 * keys) dropped.
 * Env: DATABASE_URL (server; database "motcua_bench_search" is created beside it and dropped), ROWS (1000000),
 * RUNS (200), KEEP_DB=1 to keep the database for a look afterwards, REUSE_DB=1 to measure again on a kept one.
 */
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, setDbHandle } from "../../db/client";
import { staff, units } from "../../db/schema";
import { seedDemo } from "@/lib/seed";
import type { Ctx } from "../../lib/auth/actor";
import { dossierSearchText } from "../../lib/dossiers/search-text";
import { listDossiers } from "../../lib/dossiers/list";
import { foldForSearch } from "../../lib/text";
import { generateDossiers } from "./generate";
import { percentile } from "../http";

const ROWS = Number(process.env.ROWS || 1_000_000);
const RUNS = Number(process.env.RUNS || 200);
const DB_NAME = "motcua_bench_search";
const POOL = 4;
const SEARCH_INDEXES = ["dossier_search_trgm_idx", "dossier_search_keys_key_idx"];
const serverUrl = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";
const benchDbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

const fmt = (v: number, d = 1) => v.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

async function recreateDatabase(drop = false) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  if (!drop) await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
}

type Term = { kind: "name" | "phone" | "cccd"; q: string };

/**
 * What staff type: a full name without diacritics, the first 7–8 digits of a phone, a CCCD — taken from real rows of
 * the unit.
 */
async function sampleTerms(sql: postgres.Sql, unitId: number, n: number): Promise<Term[]> {
  const rows = await sql<{ submitter_name: string; submitter_phone84: string | null; submitter_id_number: string }[]>`
    select submitter_name, submitter_phone84, submitter_id_number from dossiers tablesample system (1)
    where unit_id = ${unitId} and submitter_phone84 is not null limit ${n}`;
  return rows.map((r, i): Term => {
    if (i % 3 === 0) return { kind: "name", q: foldForSearch(r.submitter_name) };
    if (i % 3 === 1) return { kind: "phone", q: `0${r.submitter_phone84!.slice(2, 9 + (i % 2))}` };
    return { kind: "cccd", q: r.submitter_id_number };
  });
}

/**
 * Warm-up: plans, caches and every pooled connection. A server process's connections are long-lived, but a
 * backend's first search costs ~20 ms more (catalog and index metadata it loads once), so each of the pool's
 * connections runs searches before the measurement: twice as many callers at once as connections.
 */
async function warmUp(ctx: Ctx, terms: Term[]) {
  await Promise.all(
    Array.from({ length: 2 * POOL }, (_, k) =>
      measure(
        ctx,
        terms
          .slice(k % terms.length)
          .concat(terms)
          .slice(0, 4),
      ),
    ),
  );
}

async function measure(ctx: Ctx, terms: Term[]) {
  const times: Record<Term["kind"] | "all", number[]> = { name: [], phone: [], cccd: [], all: [] };
  let found = 0;
  for (const t of terms) {
    const t0 = performance.now();
    const page = await listDossiers(ctx, { q: t.q });
    const ms = performance.now() - t0;
    if (page.total > 0) found++;
    times[t.kind].push(ms);
    times.all.push(ms);
  }
  const stats = (list: number[]) => {
    const s = [...list].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  };
  return { all: stats(times.all), name: stats(times.name), phone: stats(times.phone), cccd: stats(times.cccd), found };
}

export async function runSearchBenchmark(): Promise<{ ok: boolean; lines: string[] }> {
  const reuse = process.env.REUSE_DB === "1";
  console.log(`search: preparing database ${DB_NAME}…`);
  if (!reuse) await recreateDatabase();
  const h = openPostgres(benchDbUrl, { max: POOL });
  const sql = postgres(benchDbUrl, { max: 1, onnotice: () => {} });
  try {
    await h.migrate();
    setDbHandle(h);
    let generatedIn = 0;
    if (!reuse) {
      await seedDemo(h.db);
      console.log(`search: generating ${ROWS.toLocaleString("en-US")} dossiers in SQL…`);
      const t0 = performance.now();
      await generateDossiers(sql, ROWS, "H27.37");
      generatedIn = (performance.now() - t0) / 1000;
    }

    // The generator folds names in SQL; it must agree with the application's own search text.
    const sample = await sql`select * from dossiers order by random() limit 300`;
    const mismatches = sample.filter(
      (r) =>
        dossierSearchText({
          code: r.code,
          nationalCode: r.national_code,
          submitterName: r.submitter_name,
          ownerName: r.owner_name,
          submitterPhone84: r.submitter_phone84,
          ownerPhone84: r.owner_phone84,
          submitterIdNumber: r.submitter_id_number,
          ownerIdNumber: r.owner_id_number,
        }) !== r.search_text,
    ).length;
    if (mismatches) throw new Error(`generated search_text differs from dossierSearchText() in ${mismatches}/300 rows`);

    const [receptionist] = await h.db
      .select({ id: staff.id, unitId: staff.unitId, path: units.path, username: staff.username })
      .from(staff)
      .innerJoin(units, eq(units.id, staff.unitId))
      .where(eq(staff.username, "receptionist"));
    const ctx: Ctx = {
      actor: {
        kind: "staff",
        id: receptionist.id,
        label: receptionist.username,
        role: "receptionist",
        unitId: receptionist.unitId,
        unitPath: receptionist.path,
      },
      ip: null,
    };
    const [{ inScope }] = await sql<
      { inScope: number }[]
    >`select count(*)::int as "inScope" from dossiers where unit_id = ${receptionist.unitId}`;
    const terms = await sampleTerms(sql, receptionist.unitId, RUNS);

    console.log(`search: ${terms.length} queries with the search indexes…`);
    await warmUp(ctx, terms);
    const indexed = await measure(ctx, terms);

    const defs = await sql<
      { def: string }[]
    >`select indexdef as def from pg_indexes where indexname in ${sql(SEARCH_INDEXES)}`;
    for (const name of SEARCH_INDEXES) await sql.unsafe(`drop index ${name}`);
    console.log(`search: the same ${terms.length} queries without ${SEARCH_INDEXES.join(", ")}…`);
    await warmUp(ctx, terms.slice(0, 20));
    const scanned = await measure(ctx, terms);
    for (const { def } of defs) await sql.unsafe(def);

    const ratio50 = scanned.all.p50 / indexed.all.p50;
    const ratio95 = scanned.all.p95 / indexed.all.p95;
    const ok = indexed.all.p95 <= 50 && ratio50 >= 20 && ratio95 >= 20;
    const row = (label: string, s: Awaited<ReturnType<typeof measure>>) =>
      `${label.padEnd(26)} p50 ${fmt(s.all.p50).padStart(7)} ms  p95 ${fmt(s.all.p95).padStart(7)} ms   (names ` +
      `p95 ${fmt(s.name.p95)}, phones p95 ${fmt(s.phone.p95)}, CCCD ` +
      `p95 ${fmt(s.cccd.p95)}; ${s.found}/${terms.length} found)`;
    return {
      ok,
      lines: [
        `${
          reuse
            ? "dossiers of a kept database"
            : `${ROWS.toLocaleString("en-US")} dossiers generated in ${fmt(generatedIn, 0)} s`
        }; receptionist of the centre sees ${inScope.toLocaleString("en-US")}; ` +
          `listDossiers() page 1 (25 rows + total), ${terms.length} varied terms`,
        row("with search indexes", indexed),
        row("without search indexes", scanned),
        `ratio without/with: p50 ${fmt(ratio50)}×, p95 ${fmt(ratio95)}×`,
        `target p95 ≤ 50 ms and ≥ 20× faster: ${ok ? "MET" : "NOT MET"}`,
      ],
    };
  } finally {
    setDbHandle(undefined);
    await sql.end();
    await h.close();
    if (process.env.KEEP_DB !== "1" && !reuse) await recreateDatabase(true);
  }
}
