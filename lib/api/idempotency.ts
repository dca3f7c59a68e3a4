import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { groupCommit } from "@/db/group-commit";
import { perDb } from "@/lib/cache/per-db";
import { executePrepared } from "@/db/prepared";
import { apiIdempotency } from "@/db/schema";
import { msg } from "@/lib/i18n/translate";
import { ApiProblem } from "./problem";

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const MAX_KEY_LENGTH = 255;
const POLL_MS = 25;
const WAIT_FOR_FIRST_MS = 15_000;

/** Same method, path and JSON content (key order ignored) → same fingerprint. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return crypto
    .createHash("sha256")
    .update(`${method}\n${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` at most once per (API key, Idempotency-Key). The row is claimed before the work starts, so
 * a concurrent duplicate waits for the first answer instead of running it again; the answer (success or
 * a 4xx problem) is stored and replayed. A 5xx or a thrown error releases the claim so that a retry can run.
 * `work` should turn expected failures into answers itself (see apiRoute).
 */
export async function runIdempotent(
  keyId: number,
  idempotencyKey: string,
  fingerprint: string,
  work: () => Promise<ApiAnswer>,
): Promise<ApiAnswer & { replayed: boolean }> {
  if (!idempotencyKey || idempotencyKey.length > MAX_KEY_LENGTH) {
    throw new ApiProblem(
      400,
      "idempotency-key",
      "errors.api.idempotencyKeyTitle",
      msg("errors.api.idempotencyKeyLength", { max: MAX_KEY_LENGTH }),
    );
  }
  const db = getDb();
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const claimed = await writersOf(db).claim({
      key_id: keyId,
      idempotency_key: idempotencyKey,
      request_hash: fingerprint,
    });
    if (claimed != null) return { ...(await runClaimed(db, claimed, work)), replayed: false };

    const [first] = await db
      .select()
      .from(apiIdempotency)
      .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
    if (!first) continue; // the first attempt failed and released the key: run it now
    if (first.requestHash !== fingerprint) {
      throw new ApiProblem(
        422,
        "idempotency-key-reused",
        "errors.api.idempotencyReusedTitle",
        "errors.api.idempotencyReused",
      );
    }
    if (first.status != null)
      return { status: first.status, body: JSON.parse(first.responseBody ?? "null"), replayed: true };
    if (Date.now() > deadline) {
      throw new ApiProblem(
        409,
        "idempotency-in-progress",
        "errors.api.idempotencyInProgressTitle",
        "errors.api.idempotencyInProgress",
        {
          "retry-after": "5",
        },
      );
    }
    await sleep(POLL_MS);
  }
}

async function runClaimed(db: Db, rowId: number, work: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  let answer: ApiAnswer;
  try {
    answer = await work();
  } catch (err) {
    await db.delete(apiIdempotency).where(eq(apiIdempotency.id, rowId));
    throw err;
  }
  if (answer.status >= 500) {
    await db.delete(apiIdempotency).where(eq(apiIdempotency.id, rowId));
    return answer;
  }
  await writersOf(db).complete({ id: rowId, status: answer.status, response_body: JSON.stringify(answer.body) });
  return answer;
}

type Claim = { key_id: number; idempotency_key: string; request_hash: string };
type Completion = { id: number; status: number; response_body: string };

/**
 * Claims and answers of requests arriving together are written in one statement each (group commit). Each
 * claim learns whether its row is new; of two equal claims in one batch only the first is.
 */
async function claimMany(db: Db, claims: Claim[]): Promise<(number | null)[]> {
  const result = await executePrepared<{ id: number; key_id: number; idempotency_key: string }>(
    db,
    sql`
    insert into api_idempotency (key_id, idempotency_key, request_hash)
    select x.key_id, x.idempotency_key, x.request_hash
    from rows from (jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) as (key_id int, idempotency_key text,
      request_hash text)) with ordinality
      as x(key_id, idempotency_key, request_hash, ord)
    order by x.ord
    on conflict do nothing
    returning id, key_id, idempotency_key`,
  );
  const ids = new Map(result.map((r) => [`${r.key_id}|${r.idempotency_key}`, Number(r.id)]));
  return claims.map((c) => {
    const k = `${c.key_id}|${c.idempotency_key}`;
    const id = ids.get(k);
    ids.delete(k);
    return id ?? null;
  });
}

async function completeMany(db: Db, answers: Completion[]): Promise<void[]> {
  await executePrepared(
    db,
    sql`
    update api_idempotency a set status = x.status, response_body = x.response_body, completed_at = now()
    from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) as x(id bigint, status int, response_body text)
    where a.id = x.id and a.status is null`,
  );
  return answers.map(() => undefined);
}

const writersOf = perDb((db) => ({
  claim: groupCommit((claims: Claim[]) => claimMany(db, claims), { maxInFlight: 2 }),
  complete: groupCommit((answers: Completion[]) => completeMany(db, answers), { maxInFlight: 2 }),
}));
