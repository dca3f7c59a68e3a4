/**
 * npm run bench:conversations — the inbox benchmarks of issue 15, on PostgreSQL (DATABASE_URL, default
 * postgres://root@127.0.0.1:5432/test; works in a database "motcua_bench_conversations" of its own, dropped after
 * unless KEEP_DB=1; REUSE_DB=1 measures again on a kept one).
 *   inbox   100,000 conversations, 1,000,000 messages: the inbox lists and the text search through the real
 *           services, p95 ≤ 50 ms; baseline = the same search done naively over every message's text.
 *   webhook 200 incoming messages/s through the signed webhook route and the event worker: a message is visible
 *           in its conversation within 2 s at p99; baseline = the webhook's own acknowledgement time.
 * Env: CONVERSATIONS (100000), PER_CONVERSATION (10), RATE (200), SECONDS (20), RUNS (100),
 * WORKERS (8 event worker loops), ONLY=webhook (with REUSE_DB=1: the webhook part alone).
 */
import crypto from "node:crypto";
import os from "node:os";
import postgres from "postgres";
import { openPostgres, setDbHandle } from "../../db/client";
import { percentile } from "../http";
import { generateConversations, RARE_PHRASE } from "./generate";

const CONVERSATIONS = Number(process.env.CONVERSATIONS || 100_000);
const PER_CONVERSATION = Number(process.env.PER_CONVERSATION || 10);
const RATE = Number(process.env.RATE || 200);
const SECONDS = Number(process.env.SECONDS || 20);
const RUNS = Number(process.env.RUNS || 100);
// Event worker loops, as several `npm run worker` copies would run in production.
const WORKERS = Number(process.env.WORKERS || 8);
const DB_NAME = "motcua_bench_conversations";

const serverUrl = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";
const benchUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

const percentileOf = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function timeRuns(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
if (process.env.REUSE_DB !== "1") {
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
}
process.env.ZALO_APP_ID = "3608465249409039670";
process.env.ZALO_APP_SECRET = "bench-app-secret";
process.env.ZALO_OA_ID = "2491302944280861639";
process.env.ZALO_OA_SECRET_KEY = crypto.randomBytes(16).toString("hex");
process.env.APP_ENCRYPTION_KEY ||= crypto.randomBytes(32).toString("base64");
let statements = 0;
const handle = openPostgres(benchUrl, { max: WORKERS + 8, onQuery: () => statements++ });
setDbHandle(handle);
const db = handle.db;
const raw = postgres(benchUrl, { max: 2, onnotice: () => {} });
const { seedTestOrg } = await import("../../lib/testing");
const { inboxFilterSchema, listConversations, countUnread } = await import("../../lib/conversations/queries");
const lines: string[] = [];
let ok = true;

// ---- inbox lists and search -------------------------------------------------------------------------------
if (process.env.REUSE_DB !== "1") await handle.migrate();
else {
  // A kept database holds the OA secrets encrypted under the previous run's key: start the connection afresh.
  await raw`delete from zalo_settings`;
  // Events an earlier run left unprocessed would be this run's work too.
  await raw`update zalo_webhook_events set status = 'ignored' where status in ('pending', 'processing')`;
}
const org = await seedTestOrg(db);
if (process.env.REUSE_DB !== "1") {
  const t = performance.now();
  const unitIds = [org.unitIds.center, ...Object.values(org.unitIds).filter((id) => id !== org.unitIds.center)];
  const staffIds = [org.receptionist.actor.id!, org.admin.actor.id!];
  await generateConversations(raw, unitIds, staffIds, CONVERSATIONS, PER_CONVERSATION);
  lines.push(
    `generated ${CONVERSATIONS.toLocaleString("en")} ` +
      `conversations, ${(CONVERSATIONS * PER_CONVERSATION).toLocaleString("en")} messages ` +
      `in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
}
const onlyWebhook = process.env.ONLY === "webhook" && process.env.REUSE_DB === "1";
const f = (q: Record<string, string>) => inboxFilterSchema.parse(q);
const cases: [string, () => Promise<unknown>][] = [
  ["receptionist: all", () => listConversations(org.receptionist, f({}))],
  ["receptionist: open", () => listConversations(org.receptionist, f({ status: "open" }))],
  ["receptionist: mine", () => listConversations(org.receptionist, f({ view: "mine" }))],
  ["receptionist: unassigned", () => listConversations(org.receptionist, f({ view: "unassigned" }))],
  ["receptionist: overdue", () => listConversations(org.receptionist, f({ overdue: "1" }))],
  ["receptionist: waiting", () => listConversations(org.receptionist, f({ waiting: "1" }))],
  ["receptionist: petitions", () => listConversations(org.receptionist, f({ category: "petition" }))],
  ["receptionist: unread badge", () => countUnread(org.receptionist)],
  ["receptionist: search common 'khai sinh'", () => listConversations(org.receptionist, f({ q: "khai sinh" }))],
  ["receptionist: search rare 'giay chung tu'", () => listConversations(org.receptionist, f({ q: "giấy chứng tử" }))],
  ["admin: all", () => listConversations(org.admin, f({}))],
  ["admin: search rare", () => listConversations(org.admin, f({ q: "trich luc ban sao giay chung tu" }))],
  ["supervisor (subtree): search common", () => listConversations(org.supervisor, f({ q: "le phi" }))],
];
async function measureInbox() {
  const all: number[] = [];
  lines.push("", "inbox lists and search (services, p50 / p95):");
  for (const [name, fn] of cases) {
    const times = await timeRuns(fn);
    all.push(...times);
    lines.push(
      `  ${name.padEnd(44)} ${ms(percentileOf(times, 50)).padStart(9)} ${ms(percentileOf(times, 95)).padStart(9)}`,
    );
  }
  const p95 = percentileOf(all, 95);
  // Baseline: what searching the messages themselves costs (no folded text per conversation, no trigram index).
  const rare = "giay chung tu";
  const naive = await timeRuns(
    () => raw`select c.id from conversations c where c.unit_id = ${org.unitIds.center}
      and exists (select 1 from conversation_messages m where m.conversation_id = c.id and lower(f_unaccent(m.text))
        like ${`%${rare}%`})
      order by c.last_message_at desc, c.id desc limit 50`,
    Math.max(5, Math.floor(RUNS / 10)),
  );
  const ours = await timeRuns(() => listConversations(org.receptionist, f({ q: rare })));
  lines.push(
    `  overall p95 ${ms(p95)} (target ≤ 50 ms) ${p95 <= 50 ? "MET" : "NOT MET"}`,
    `  baseline: rare-term search over message text p95 ${ms(percentileOf(naive, 95))}; ` +
      `ours ${ms(percentileOf(ours, 95))} → ${(percentileOf(naive, 95) / percentileOf(ours, 95)).toFixed(0)}×`,
  );
  ok &&= p95 <= 50;
}
// The webhook part alone (ONLY=webhook) measures the worker again without the inbox runs.
if (!onlyWebhook) await measureInbox();

console.log(["", "== Conversations inbox ==", ...lines.splice(0)].join("\n"));

// ---- 200 messages/s through the webhook ---------------------------------------------------------------------
const { POST } = await import("../../app/api/zalo/webhook/route");
const { processDueEvents } = await import("../../lib/zalo-webhook/process");
const { zaloEventSignature } = await import("../../lib/zalo/signature");
const appId = process.env.ZALO_APP_ID!;
const secret = process.env.ZALO_OA_SECRET_KEY!;
const runId = crypto.randomBytes(3).toString("hex");
const sentAt = new Map<string, number>();
const acks: number[] = [];
let stop = false;
const workers = Array.from({ length: WORKERS }, (_, w) => w).map(async (w) => {
  while (!stop) if ((await processDueEvents(db, `bench-${w}`)) === 0) await new Promise((r) => setTimeout(r, 20));
});
const total = RATE * SECONDS;
const statementsBefore = statements;
const start = performance.now();
const posts: Promise<void>[] = [];
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const msgId = `wh-${runId}-${i}`;
  const body = JSON.stringify({
    app_id: appId,
    event_name: "user_send_text",
    timestamp: String(Date.now()),
    sender: { id: `web-${runId}-${i % 2000}` },
    recipient: { id: process.env.ZALO_OA_ID },
    message: { msg_id: msgId, text: `Xin hỏi về thủ tục số ${i}` },
  });
  const ts = JSON.parse(body).timestamp as string;
  sentAt.set(msgId, Date.now());
  const t0 = performance.now();
  posts.push(
    POST(
      new Request("http://bench/api/zalo/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-zevent-signature": zaloEventSignature(appId, body, ts, secret),
        },
        body,
      }),
    ).then(async (res) => {
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      acks.push(performance.now() - t0);
    }),
  );
}
await Promise.all(posts);
const sendSeconds = (performance.now() - start) / 1000;
const deadline = Date.now() + 60_000;
let visible: { zalo_msg_id: string; created: number }[] = [];
while (Date.now() < deadline) {
  visible = await raw`select zalo_msg_id, (extract(epoch from created_at) * 1000)::float8 as created from
      conversation_messages where zalo_msg_id like ${`wh-${runId}-%`}`;
  if (visible.length >= total) break;
  await new Promise((r) => setTimeout(r, 250));
}
stop = true;
await Promise.all(workers);
const perMessage = (statements - statementsBefore) / visible.length;
const latencies = visible.map((v) => v.created - sentAt.get(v.zalo_msg_id)!);
const firstSent = Math.min(...sentAt.values());
const processedPerSecond = visible.length / ((Math.max(...visible.map((v) => v.created)) - firstSent) / 1000);
const p99 = percentileOf(latencies, 99);
const loadAverage = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
lines.push(
  "",
  `webhook → inbox: ${total} messages at ${(total / sendSeconds).toFixed(0)}/s from 2,000 citizens, ${WORKERS} ` +
    `worker loops, ${visible.length} visible`,
  `  visible in the inbox p50 ${ms(percentileOf(latencies, 50))}, p99 ${ms(p99)} (target ≤ 2,000 ` +
    `ms) ${p99 <= 2000 && visible.length === total ? "MET" : "NOT MET"}`,
  `  processed ${processedPerSecond.toFixed(0)} messages/s; ${perMessage.toFixed(1)} SQL statements per message` +
    ` made visible (webhook and worker); load average ${loadAverage}`,
  `  baseline: webhook acknowledgement (stored, not processed) p50 ${ms(percentileOf(acks, 50))}, ` +
    `p99 ${ms(percentileOf(acks, 99))} → visible/ack at p99 ${(p99 / percentileOf(acks, 99)).toFixed(1)}×`,
);
ok &&= p99 <= 2000 && visible.length === total;

console.log([...lines, ""].join("\n"));
await raw.end();
await handle.close();
if (process.env.KEEP_DB !== "1") await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
await admin.end();
process.exit(ok ? 0 : 1);
