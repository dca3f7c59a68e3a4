/**
 * Intake through the API (issue 3): ≥ 300 dossiers/s with 50 concurrent clients against the production
 * build (`next start` on PostgreSQL), numbering still gap-free. Baselines measured in the same run:
 * GET /api/health through the same server, and the intake service called in-process (no HTTP).
 * Env: DATABASE_URL (server; database "motcua_bench_intake" is created beside it and dropped), CLIENTS (50),
 * INTAKE_SECONDS (20), HEALTH_SECONDS (10), SKIP_BUILD=1 to reuse .next, SERVER_NODE_ARGS (e.g. "--cpu-prof
 * --cpu-prof-dir=/tmp/prof" to profile the server). Run under the build lock (run.ts does).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, setDbHandle } from "../../db/client";
import { procedures, unitCodes } from "../../db/schema";
import { seedDemo } from "@/lib/seed";
import { createApiKey } from "../../lib/api/create-key";
import type { Ctx } from "../../lib/auth/actor";
import { systemActor } from "../../lib/auth/actor";
import { receiveDossier } from "../../lib/dossiers/receive";
import { closedLoop, closedLoopCalls, summarise } from "./load";
import { randomPerson } from "./people";

const CLIENTS = Number(process.env.CLIENTS || 50);
const INTAKE_MS = Number(process.env.INTAKE_SECONDS || 20) * 1000;
const HEALTH_MS = Number(process.env.HEALTH_SECONDS || 10) * 1000;
const PORT = Number(process.env.BENCH_PORT || 3210);
const DB_NAME = "motcua_bench_intake";
const serverUrl = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";
const benchDbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

const fmt = (v: number, d = 0) => v.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

async function recreateDatabase(drop = false) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  if (!drop) await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const logFile = path.join(os.tmpdir(), "bench-dossiers-intake-server.log");
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...nodeArgs, next, "start", "-p", String(PORT)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const out = fs.createWriteStream(logFile);
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  return child;
}

async function waitForHealth(timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the server did not answer /api/health");
}

function intakeBody(procedureCode: string) {
  const p = randomPerson();
  return {
    procedureCode,
    channel: "direct",
    submitter: { name: p.name, idNumber: p.idNumber, phone: p.phone, address: "Phường Thành Sen, tỉnh Hà Tĩnh" },
    notifyZalo: true,
  };
}

/** Every (unit code, day) numbered 1..n without holes and matching its counter; register lines too. */
async function checkNumbering(db: ReturnType<typeof openPostgres>["db"]) {
  const rows = (await db.execute(sql`
    with d as (select split_part(code, '-', 1) || '|' || split_part(code, '-', 2) as k, split_part(code, '-',
      3)::int as n from dossiers)
    select d.k, count(*)::int as count, count(distinct d.n)::int as distinct_count, min(d.n)::int as min,
      max(d.n)::int as max,
           (select s.last from dossier_sequences s where s.unit_code || '|' || s.day = d.k) as counter
    from d group by d.k`)) as unknown as {
    k: string;
    count: number;
    distinct_count: number;
    min: number;
    max: number;
    counter: number;
  }[];
  const lines = (await db.execute(sql`
    select unit_id || '/' || register_book as book, count(*)::int as count, count(distinct register_line)::int as
      distinct_count, max(register_line)::int as max
    from dossiers where register_line is not null group by unit_id, register_book`)) as unknown as {
    book: string;
    count: number;
    distinct_count: number;
    max: number;
  }[];
  const problems = [
    ...rows
      .filter((r) => r.min !== 1 || r.max !== r.count || r.distinct_count !== r.count || r.counter !== r.max)
      .map((r) => `codes ${r.k}: ${JSON.stringify(r)}`),
    ...lines
      .filter((l) => l.max !== l.count || l.distinct_count !== l.count)
      .map((l) => `register ${l.book}: ${JSON.stringify(l)}`),
  ];
  return { sequences: rows, total: rows.reduce((s, r) => s + r.count, 0), problems };
}

export async function runIntakeBenchmark(): Promise<{ ok: boolean; lines: string[] }> {
  if (process.env.SKIP_BUILD !== "1") {
    console.log("intake: building (next build)…");
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  console.log(`intake: preparing database ${DB_NAME}…`);
  await recreateDatabase();
  const h = openPostgres(benchDbUrl, { max: 10 });
  let server: ChildProcess | undefined;
  try {
    await h.migrate();
    await seedDemo(h.db);
    setDbHandle(h);
    const [centre] = await h.db
      .select({ unitId: unitCodes.unitId })
      .from(unitCodes)
      .where(eq(unitCodes.code, "H27.37"));
    const [proc] = await h.db
      .select({ code: procedures.code })
      .from(procedures)
      .where(and(eq(procedures.unitId, centre.unitId), isNotNull(procedures.code)))
      .orderBy(procedures.id)
      .limit(1);
    const procedureCode = proc.code!;
    const operator: Ctx = { actor: { ...systemActor, label: "bench" }, ip: null };
    const key = await createApiKey(operator, { unitId: centre.unitId, name: "bench" });

    server = startServer({
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: benchDbUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      APP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      PUBLIC_BASE_URL: `http://localhost:${PORT}`,
      API_RATE_LIMIT_PER_MINUTE: "100000000",
      LOG_LEVEL: "warn",
    });
    await waitForHealth();
    const health = () => ({ method: "GET" as const, path: "/api/health" });
    let n = 0;
    const intake = () => ({
      method: "POST" as const,
      path: "/api/v1/dossiers",
      body: JSON.stringify(intakeBody(procedureCode)),
      headers: { authorization: `Bearer ${key.key}`, "idempotency-key": `bench-${process.pid}-${++n}` },
    });

    console.log("intake: warming up…");
    await closedLoop(PORT, health, CLIENTS, 3000);
    await closedLoop(PORT, intake, CLIENTS, 5000);

    console.log(`intake: baseline GET /api/health, ${CLIENTS} clients, ${HEALTH_MS / 1000} s…`);
    const healthRun = summarise(await closedLoop(PORT, health, CLIENTS, HEALTH_MS), "200");
    console.log(`intake: POST /api/v1/dossiers, ${CLIENTS} clients, ${INTAKE_MS / 1000} s…`);
    const apiRun = summarise(await closedLoop(PORT, intake, CLIENTS, INTAKE_MS), "201");
    process.kill(-server.pid!, "SIGTERM");
    server = undefined;

    console.log(`intake: baseline receiveDossier() in-process, ${CLIENTS} concurrent calls, ${INTAKE_MS / 1000} s…`);
    const keyCtx: Ctx = {
      actor: {
        kind: "apikey",
        id: key.id,
        label: "apikey:bench",
        role: "receptionist",
        unitId: centre.unitId,
        unitPath: "",
      },
      ip: null,
    };
    const serviceRun = summarise(
      await closedLoopCalls(
        () => {
          const b = intakeBody(procedureCode);
          return receiveDossier(keyCtx, {
            procedureCode: b.procedureCode,
            channel: "direct",
            submitterName: b.submitter.name,
            submitterIdNumber: b.submitter.idNumber,
            submitterPhone: b.submitter.phone,
            notifyZalo: true,
          });
        },
        CLIENTS,
        INTAKE_MS,
      ),
      "ok",
    );

    const numbering = await checkNumbering(h.db);
    const pass =
      apiRun.perSecond >= 300 &&
      numbering.problems.length === 0 &&
      Object.keys(apiRun.statusCounts).every((s) => s === "201");
    const lines = [
      `GET /api/health (baseline)      ${fmt(healthRun.perSecond)} req/s   p50 ${fmt(healthRun.p50, 1)} ms  ` +
        `p95 ${fmt(healthRun.p95, 1)} ms`,
      `receiveDossier() in-process     ${fmt(serviceRun.perSecond)} dossiers/s   p50 ${fmt(serviceRun.p50, 1)} ms  ` +
        `p95 ${fmt(serviceRun.p95, 1)} ms  ${JSON.stringify(serviceRun.statusCounts)}`,
      `POST /api/v1/dossiers           ${fmt(apiRun.perSecond)} dossiers/s   p50 ${fmt(apiRun.p50, 1)} ms  ` +
        `p95 ${fmt(apiRun.p95, 1)} ms  p99 ${fmt(apiRun.p99, 1)} ms  statuses ${JSON.stringify(apiRun.statusCounts)}`,
      `ratio API / health ${fmt(apiRun.perSecond / healthRun.perSecond, 2)}; API / in-process ` +
        `service ${fmt(apiRun.perSecond / serviceRun.perSecond, 2)}`,
      `numbering: ${numbering.total} dossiers in ${numbering.sequences.length} daily sequence(s), ` +
        (numbering.problems.length
          ? `GAPS: ${numbering.problems.join("; ")}`
          : "gap-free (1..n, counter = max, register lines 1..n)"),
      `target ≥ 300 dossiers/s with ${CLIENTS} clients: ${pass ? "MET" : "NOT MET"}`,
    ];
    return { ok: pass, lines };
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    setDbHandle(undefined);
    await h.close();
    await recreateDatabase(true);
  }
}
