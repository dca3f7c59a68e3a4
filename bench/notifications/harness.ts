import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import postgres from "postgres";
import { type DbHandle, openPostgres, setDbHandle } from "../../db/client";
import { dossierEvents, dossiers, procedures } from "../../db/schema";
import { seedNotifications } from "@/lib/notifications/default-templates";
import { seedOrg } from "@/lib/seed/org";
import { ingestZaloWebhook } from "../../lib/zalo-webhook/ingest";
import { type SettingsPatch, updateNotificationSettings } from "../../lib/notifications/settings";
import { testPayload } from "../../lib/notifications/testing";
import { simIdentity } from "../../lib/sim/config";
import { startSimServer } from "../../lib/sim/node-server";
import { seedZaloSettingsFromEnv } from "../../lib/zalo/settings";

/**
 * Real moving parts for reliability tests and benchmarks: a PostgreSQL database of its own, the standalone
 * Zalo simulator, a webhook receiver feeding the portal's ingest, and `npm run worker` processes.
 */
export interface Harness {
  db: DbHandle["db"];
  databaseUrl: string;
  simUrl: string;
  control<T = Record<string, unknown>>(route: string, body?: unknown): Promise<T>;
  startWorker(name: string, extraEnv?: Record<string, string>): ChildProcess;
  settings(patch: SettingsPatch): Promise<void>;
  /** `count` outbox events spread over dossiers; every `magicEvery`-th dossier's phone fails with -108. */
  seedEvents(count: number, opts?: { magicEvery?: number; perDossier?: number }): Promise<void>;
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

export async function startHarness(opts: { baseUrl?: string } = {}): Promise<Harness> {
  const baseUrl =
    opts.baseUrl ??
    process.env.TEST_DATABASE_URL ??
    process.env.BENCH_DATABASE_URL ??
    "postgres://root@127.0.0.1:5432/test";
  process.env.APP_ENCRYPTION_KEY = ENCRYPTION_KEY;
  const name = `motcua_notif_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const handle = openPostgres(databaseUrl, { max: 10 });
  await handle.migrate();
  setDbHandle(handle);
  const db = handle.db;

  const sim = await startSimServer(0);
  const id = simIdentity();
  const webhook = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const header = (k: string) => (typeof req.headers[k] === "string" ? (req.headers[k] as string) : null);
    const r = await ingestZaloWebhook({
      rawBody: Buffer.concat(chunks).toString("utf8"),
      signature: header("x-zevent-signature"),
      headerTimestamp: header("x-zevent-timestamp"),
    });
    res.writeHead(r.status, { "content-type": "application/json" });
    res.end(JSON.stringify(r));
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/api/zalo/webhook`;

  const control = async <T>(route: string, body?: unknown): Promise<T> => {
    const res = await fetch(
      `${sim.url}/sim/zalo/_control${route}`,
      body === undefined
        ? {}
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );
    return (await res.json()) as T;
  };
  await control("/reset", {});
  await control("/settings", { webhookUrl });

  const zaloEnv: Record<string, string> = {
    ZALO_OAUTH_URL: `${sim.url}/sim/zalo/oauth`,
    ZALO_OPENAPI_URL: `${sim.url}/sim/zalo/openapi`,
    ZALO_BUSINESS_URL: `${sim.url}/sim/zalo/business`,
    ZALO_APP_ID: id.appId,
    ZALO_APP_SECRET: id.appSecret,
    ZALO_OA_ID: id.oaId,
    ZALO_OA_SECRET_KEY: id.oaSecretKey,
    ZALO_REFRESH_TOKEN: id.bootstrapRefreshToken,
  };
  Object.assign(process.env, zaloEnv);
  await seedZaloSettingsFromEnv(db, { ...process.env, ...zaloEnv });
  const unitIds = await seedOrg(db, "bench-password");
  await seedNotifications(db);

  const workers = new Set<ChildProcess>();
  return {
    db,
    databaseUrl,
    simUrl: sim.url,
    control,
    startWorker(workerName, extraEnv = {}) {
      // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child process, so a SIGKILL would
      // hit the wrapper and leave the real worker running as an orphan.
      const child = spawn(
        process.execPath,
        [...(process.env.WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean), "--import", "tsx", "scripts/worker.ts"],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            ...zaloEnv,
            DATABASE_URL: databaseUrl,
            APP_ENCRYPTION_KEY: ENCRYPTION_KEY,
            WORKER_NAME: workerName,
            LOG_LEVEL: process.env.WORKER_LOG_LEVEL || "error",
            NODE_ENV: "development",
            ...extraEnv,
          },
          stdio: ["ignore", "inherit", "inherit"],
        },
      );
      workers.add(child);
      child.once("exit", () => workers.delete(child));
      return child;
    },
    settings: (patch) => updateNotificationSettings(db, patch),
    async seedEvents(count, { magicEvery = 0, perDossier = 10 } = {}) {
      const unitId = unitIds.center;
      const [proc] = await db
        .insert(procedures)
        .values({ name: "Cấp giấy phép xây dựng", field: "Xây dựng", unitId, searchText: "cap giay phep xay dung" })
        .returning();
      const dossierCount = Math.ceil(count / perDossier);
      const stamp = Date.now().toString(36);
      const rows = Array.from({ length: dossierCount }, (_, i) => {
        const phone =
          magicEvery && i % magicEvery === magicEvery - 1
            ? `8491${i % 10}000108`
            : `8497${String(i).padStart(4, "0")}579`;
        return {
          code: `H27.37-${stamp}-${String(i).padStart(5, "0")}`,
          unitId,
          procedureId: proc.id,
          procedure: {
            id: proc.id,
            code: null,
            name: proc.name,
            field: proc.field,
            processingDays: 15,
            processingHours: null,
            cutoffTime: null,
            supplementClock: "pause" as const,
          },
          status: "received" as const,
          channel: "direct" as const,
          resultDelivery: "counter" as const,
          submitterName: "Nguyễn Văn Lâm",
          ownerName: "Nguyễn Văn Lâm",
          submitterPhone84: phone,
          notifyZalo: true,
          lookupSecret: "s",
          searchText: "x",
        };
      });
      const created: { id: number; code: string; submitterPhone84: string | null }[] = [];
      for (let i = 0; i < rows.length; i += 500)
        created.push(
          ...(await db
            .insert(dossiers)
            .values(rows.slice(i, i + 500))
            .returning({ id: dossiers.id, code: dossiers.code, submitterPhone84: dossiers.submitterPhone84 })),
        );
      const types = [
        "received",
        "assigned",
        "appraising",
        "awaiting_signature",
        "result_ready",
        "returned",
        "receipt_issued",
        "rejected",
        "withdrawn",
        "apology",
      ];
      const events = Array.from({ length: count }, (_, i) => {
        const d = created[Math.floor(i / perDossier)];
        return {
          dossierId: d.id,
          unitId,
          type: types[i % types.length],
          payload: testPayload({
            code: d.code,
            phone84: d.submitterPhone84,
            reason: "Lý do thử nghiệm",
            newDueAt: "2024-03-01T02:00:00.000Z",
          }),
        };
      });
      for (let i = 0; i < events.length; i += 500) await db.insert(dossierEvents).values(events.slice(i, i + 500));
    },
    async close() {
      for (const w of workers) w.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 200));
      await sim.close();
      await new Promise<void>((resolve) => webhook.close(() => resolve()));
      webhook.closeAllConnections();
      await handle.close();
      setDbHandle(undefined);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

export function stopWorker(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}
