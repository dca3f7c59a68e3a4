/**
 * Webhook ingest benchmark (issue 4): `npm run bench:webhook`.
 * Production build on PostgreSQL, load generator on the same machine. Measures the signed webhook route against
 * a minimal Next.js route that only INSERTs (bench/webhook/raw-insert-route.ts, built in for this run only), and the
 * webhook listener (npm run webhook)
 * against a bare node:http server doing that INSERT; then a sustained fixed-rate run with duplicates against
 * the listener, and checks that no acknowledged event is lost.
 * Env: DATABASE_URL (server; a database "motcua_bench_webhook" is created beside it), RATE (2000),
 * SUSTAIN_SECONDS (30), CONCURRENCY (32), SKIP_BUILD=1 to reuse an existing .next, LISTENER_NODE_ARGS (e.g.
 * "--cpu-prof")
 * for the listener. Run it under the build lock (the npm script does).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPostgres } from "../../db/client";
import { zaloEventSignature } from "../../lib/zalo/signature";
import { percentile } from "../http";
import { closedLoop, type LoadResult, openLoop, type Shot, type Target } from "./load";

const RATE = Number(process.env.RATE || 2000);
const SUSTAIN_MS = Number(process.env.SUSTAIN_SECONDS || 30) * 1000;
const CONCURRENCY = Number(process.env.CONCURRENCY || 32);
const ROUND_MS = Number(process.env.ROUND_SECONDS || 8) * 1000;
const DUPLICATE_SHARE = 0.1;
const APP_PORT = 3200;
const BARE_PORT = 3201;
const LISTENER_PORT = 3202;
const OA = {
  appId: "3608465249409039670",
  oaId: "2491302944280861639",
  secret: crypto.randomBytes(16).toString("hex"),
};

const serverUrl = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";
const benchDbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = "/motcua_bench_webhook";
  return u.toString();
})();

async function prepareDatabase() {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists motcua_bench_webhook with (force)");
  await admin.unsafe("create database motcua_bench_webhook");
  await admin.end();
  const h = openPostgres(benchDbUrl, { max: 2 });
  await h.migrate();
  await h.close();
}

function spawnLogged(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const log = fs.createWriteStream(path.join(os.tmpdir(), `bench-webhook-${name}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Resolves once the server answers anything at all. */
async function waitFor(url: string, init: RequestInit, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** Signed user_send_text events; a share of them repeat an earlier event byte for byte (Zalo's redelivery). */
function eventStream(runId: string, duplicateShare: number) {
  const sentUnique: Shot[] = [];
  let n = 0;
  return {
    uniqueKeys: new Set<string>(),
    next(): Shot {
      if (sentUnique.length > 10 && Math.random() < duplicateShare) {
        const again = sentUnique[Math.floor(Math.random() * sentUnique.length)];
        return { ...again, unique: false };
      }
      n++;
      const timestamp = String(Date.now());
      const body = JSON.stringify({
        app_id: OA.appId,
        user_id_by_app: `55217727971758${n % 1000}`,
        event_name: "user_send_text",
        timestamp,
        sender: { id: `246845883529619${n % 5000}` },
        recipient: { id: OA.oaId },
        message: { msg_id: `${runId}-${n}`, text: `H27.37-240219-${String(n % 10000).padStart(4, "0")}` },
      });
      const shot = {
        body,
        headers: { "x-zevent-signature": zaloEventSignature(OA.appId, body, timestamp, OA.secret) },
        unique: true,
      };
      sentUnique.push(shot);
      if (sentUnique.length > 5000) sentUnique.shift();
      return shot;
    },
  };
}

const fmt = (v: number, d = 0) => v.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

function summary(r: LoadResult) {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return {
    rps: (r.ok / r.elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    errors: r.errors,
    statusCounts: r.statusCounts,
  };
}

const FLOOR_ROUTE_DIR = path.join("app", "api", "bench", "raw-insert");

/** The INSERT-only route lives in bench/, not app/: it is copied in for this build only, then removed. */
function buildWithFloorRoute() {
  console.log("building (next build) with the INSERT-only route…");
  fs.mkdirSync(FLOOR_ROUTE_DIR, { recursive: true });
  fs.copyFileSync(path.join("bench", "webhook", "raw-insert-route.ts"), path.join(FLOOR_ROUTE_DIR, "route.ts"));
  try {
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  } finally {
    fs.rmSync(path.join("app", "api", "bench"), { recursive: true, force: true });
    // The build's route types name the removed route: left behind, they would fail the next `npm run typecheck`.
    fs.rmSync(path.join(".next", "types"), { recursive: true, force: true });
  }
}

async function main() {
  const started = new Date();
  // Other work on the machine skews every number: recorded beside the results.
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const builtWithFloor = fs.existsSync(path.join(".next", "server", "app", "api", "bench", "raw-insert"));
  if (process.env.SKIP_BUILD !== "1" || !builtWithFloor) buildWithFloorRoute();
  console.log("preparing database motcua_bench_webhook…");
  await prepareDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: benchDbUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    APP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    ZALO_APP_ID: OA.appId,
    ZALO_APP_SECRET: "bench-app-secret",
    ZALO_OA_ID: OA.oaId,
    ZALO_OA_SECRET_KEY: OA.secret,
    LOG_LEVEL: "warn",
  };
  const app = spawnLogged("next", "npx", ["next", "start", "-p", String(APP_PORT)], { ...env, PORT: String(APP_PORT) });
  const bare = spawnLogged("bare", "npx", ["tsx", "bench/webhook/bare-server.ts"], { ...env, PORT: String(BARE_PORT) });
  const listener = spawnLogged(
    "listener",
    process.execPath,
    [...(process.env.LISTENER_NODE_ARGS ?? "").split(" ").filter(Boolean), "--import", "tsx", "scripts/webhook.ts"],
    { ...env, WEBHOOK_PORT: String(LISTENER_PORT) },
  );
  const stop = () => {
    for (const c of [app, bare, listener])
      if (c.pid)
        try {
          process.kill(-c.pid, "SIGTERM");
        } catch {
          /* gone */
        }
  };
  process.on("exit", stop);
  try {
    const webhook: Target = { name: "webhook (verify + dedupe + store)", port: APP_PORT, path: "/api/zalo/webhook" };
    const rawRoute: Target = { name: "Next.js route, INSERT only", port: APP_PORT, path: "/api/bench/raw-insert" };
    const bareNode: Target = { name: "bare node:http, INSERT only", port: BARE_PORT, path: "/" };
    const ownListener: Target = {
      name: "webhook listener (npm run webhook)",
      port: LISTENER_PORT,
      path: "/api/zalo/webhook",
    };
    const targets = [webhook, rawRoute, bareNode, ownListener];
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/bench/raw-insert`, { method: "POST", body: "{}" });
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`, { method: "POST", body: "{}" });
    await waitFor(`http://127.0.0.1:${LISTENER_PORT}/api/zalo/webhook`, { method: "POST", body: "{}" });

    console.log("warming up…");
    for (const t of targets) await closedLoop(t, eventStream(`warm-${t.port}${t.path}`, 0).next, 16, 3000);

    // Ratio rounds alternate the targets so that drift (page cache, autovacuum) hits all of them alike.
    const rounds: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
    for (let round = 0; round < 2; round++) {
      for (const t of targets) {
        const r = await closedLoop(t, eventStream(`max-${round}-${t.port}${t.path}`, 0).next, CONCURRENCY, ROUND_MS);
        rounds[t.name].push(r);
        console.log(
          `  round ${round + 1} ${t.name}: ${fmt(summary(r).rps)} events/s, p99 ${fmt(summary(r).p99, 1)} ms, ` +
            `errors ${r.errors}`,
        );
      }
    }
    const maxRps = (name: string) =>
      rounds[name].reduce((s, r) => s + r.ok, 0) / (rounds[name].reduce((s, r) => s + r.elapsedMs, 0) / 1000);

    console.log(
      `sustained: ${RATE} events/s for ${SUSTAIN_MS / 1000} s, ${DUPLICATE_SHARE * 100}% redeliveries, to the ` +
        `listener…`,
    );
    const runId = `sustain-${Date.now()}`;
    const stream = eventStream(runId, DUPLICATE_SHARE);
    const acked = new Set<string>();
    let duplicatesSent = 0;
    const sustained = await openLoop(ownListener, stream.next, RATE, SUSTAIN_MS, (shot, status) => {
      const key = JSON.parse(shot.body).message.msg_id as string;
      if (!shot.unique) duplicatesSent++;
      if (status === 200) acked.add(key);
    });
    const s = summary(sustained);

    const db = postgres(benchDbUrl, { max: 1, onnotice: () => {} });
    const stored = await db<
      { k: string }[]
    >`select payload->'message'->>'msg_id' as k from zalo_webhook_events where dedupe_key
      like ${`user_send_text:msg:${runId}-%`}`;
    const storedKeys = new Set(stored.map((r) => r.k));
    const lost = [...acked].filter((k) => !storedKeys.has(k)).length;
    const pgVersion = (await db<{ v: string }[]>`show server_version`)[0].v;
    await db.end();

    const wh = maxRps(webhook.name);
    const raw = maxRps(rawRoute.name);
    const bareRps = maxRps(bareNode.name);
    const listenerRps = maxRps(ownListener.name);
    const result = {
      date: started.toISOString(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      machine:
        `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), node ${process.version}, ` +
        `PostgreSQL ${pgVersion}`,
      sustained: {
        targetRate: RATE,
        seconds: SUSTAIN_MS / 1000,
        achievedRate: (sustained.sent / (sustained.sendWindowMs ?? sustained.elapsedMs)) * 1000,
        acknowledged: sustained.ok,
        errors: sustained.errors,
        statusCounts: sustained.statusCounts,
        slowestPerSecondMs: sustained.slowestPerSecond?.map((v) => Math.round(v)),
        p50: s.p50,
        p99: s.p99,
        max: s.max,
        uniqueEvents: acked.size,
        stored: storedKeys.size,
        lost,
        duplicatesSent,
        duplicatesCollapsed: sustained.ok - storedKeys.size,
      },
      max: {
        concurrency: CONCURRENCY,
        webhook: wh,
        rawRoute: raw,
        bare: bareRps,
        listener: listenerRps,
        ratioVsRawRoute: wh / raw,
        ratioVsBare: wh / bareRps,
        listenerVsBare: listenerRps / bareRps,
      },
    };
    console.log(JSON.stringify(result, null, 2));
    const out = path.join("bench", "webhook", "last-result.json");
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
    const pass =
      result.sustained.achievedRate >= RATE * 0.98 &&
      result.sustained.p99 <= 100 &&
      lost === 0 &&
      result.sustained.errors === 0 &&
      result.max.ratioVsRawRoute >= 0.9;
    console.log(
      [
        "",
        `Sustained (listener) ${fmt(result.sustained.achievedRate)} events/s for ${result.sustained.seconds} s: ` +
          `p50 ${fmt(s.p50, 1)} ms, p99 ${fmt(s.p99, 1)} ms, max ${fmt(s.max, 1)} ms, errors ${sustained.errors}`,
        `Events: ${acked.size} unique acknowledged, ${storedKeys.size} stored, lost ${lost}; ${duplicatesSent} ` +
          `redeliveries collapsed to ${result.sustained.duplicatesCollapsed} no-ops`,
        `Max throughput (closed loop, ${CONCURRENCY} connections): webhook route ${fmt(wh)} /s, Next.js INSERT-only ` +
          `route ${fmt(raw)} /s, bare node INSERT-only ${fmt(bareRps)} /s, webhook listener ${fmt(listenerRps)} /s`,
        `Ratio webhook route / INSERT-only route: ${fmt(wh / raw, 3)} (target ≥ 0.9); webhook route / bare ` +
          `node: ${fmt(wh / bareRps, 3)}; listener / bare node: ${fmt(listenerRps / bareRps, 3)}`,
        `Load average (1/5/15 min) at start ${loadAtStart.join(" / ")}, at ` +
          `end ${result.loadAverageAtEnd.join(" / ")} on ${os.cpus().length} cores`,
        pass ? "PASS" : "FAIL",
      ].join("\n"),
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    stop();
  }
}

await main();
