import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiIdempotency } from "@/db/schema";
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
  return crypto.createHash("sha256").update(`${method}\n${path}\n${canonicalJson(body)}`).digest("hex");
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
export async function runIdempotent(keyId: number, idempotencyKey: string, fingerprint: string, work: () => Promise<ApiAnswer>): Promise<ApiAnswer & { replayed: boolean }> {
  if (!idempotencyKey || idempotencyKey.length > MAX_KEY_LENGTH) {
    throw new ApiProblem(400, "idempotency-key", "Idempotency-Key không hợp lệ", `Idempotency-Key phải có từ 1 đến ${MAX_KEY_LENGTH} ký tự.`);
  }
  const db = getDb();
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const [claimed] = await db
      .insert(apiIdempotency)
      .values({ keyId, idempotencyKey, requestHash: fingerprint })
      .onConflictDoNothing()
      .returning({ id: apiIdempotency.id });
    if (claimed) return { ...(await runClaimed(claimed.id, work)), replayed: false };

    const [first] = await db
      .select()
      .from(apiIdempotency)
      .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
    if (!first) continue; // the first attempt failed and released the key: run it now
    if (first.requestHash !== fingerprint) {
      throw new ApiProblem(
        422,
        "idempotency-key-reused",
        "Idempotency-Key đã dùng cho yêu cầu khác",
        "Idempotency-Key này đã được dùng với một nội dung yêu cầu khác. Hãy dùng khóa mới cho mỗi yêu cầu mới.",
      );
    }
    if (first.status != null) return { status: first.status, body: JSON.parse(first.responseBody ?? "null"), replayed: true };
    if (Date.now() > deadline) {
      throw new ApiProblem(409, "idempotency-in-progress", "Yêu cầu đang được xử lý", "Một yêu cầu với cùng Idempotency-Key đang được xử lý. Vui lòng thử lại sau ít phút.", {
        "retry-after": "5",
      });
    }
    await sleep(POLL_MS);
  }
}

async function runClaimed(rowId: number, work: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  const db = getDb();
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
  await db
    .update(apiIdempotency)
    .set({ status: answer.status, responseBody: JSON.stringify(answer.body), completedAt: new Date() })
    .where(and(eq(apiIdempotency.id, rowId), isNull(apiIdempotency.status)));
  return answer;
}
