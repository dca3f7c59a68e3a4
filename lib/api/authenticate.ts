import { and, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { perDb } from "@/lib/cache/per-db";
import { apiKeys } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { clientIpFrom } from "@/lib/http/client-ip";
import { rateWindow } from "@/lib/rate-limit";
import { keyGate } from "./key-gate";
import { apiKeyMatches, apiKeyPrefix, hashApiKey, looksLikeApiKey } from "./key-material";
import { msg } from "@/lib/i18n/translate";
import { ApiProblem, unauthorized } from "./problem";

export interface ApiCaller {
  ctx: Ctx;
  keyId: number;
  /** The key's scopes as they stand now (api_keys.scopes). */
  scopes: readonly string[];
}

const LAST_USED_PRECISION_MS = 60_000;

/** Requests per key per minute; shared by every server process through the rate_limits table. */
export function apiRateLimitPerMinute(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isFinite(configured) && configured > 0 ? configured : 6000;
}

function bearerOf(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

const KNOWN_KEYS_MAX = 10_000;
const knownKeysOf = perDb(() => new Map<string, { id: number; name: string }>());

/** Which key a bearer is (id and label), remembered per process once found: that never changes for a key. */
async function identifyKey(db: Db, key: string): Promise<{ id: number; name: string } | null> {
  const known = knownKeysOf(db);
  const hash = hashApiKey(key);
  const remembered = known.get(hash);
  if (remembered) return remembered;
  const candidates = await db
    .select({ id: apiKeys.id, name: apiKeys.name, hash: apiKeys.hash })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, apiKeyPrefix(key)));
  const found = candidates.find((c) => apiKeyMatches(key, c.hash));
  if (!found) return null;
  if (known.size >= KNOWN_KEYS_MAX) known.clear();
  known.set(hash, { id: found.id, name: found.name });
  return { id: found.id, name: found.name };
}

const lastTouchedOf = perDb(() => new Map<number, number>());

/** Whether this process already recorded the key's use within the last minute; notes this one if not. */
function touchedLately(db: Db, keyId: number, now: Date): boolean {
  const touched = lastTouchedOf(db);
  const last = touched.get(keyId);
  if (last !== undefined && now.getTime() - last < LAST_USED_PRECISION_MS) return true;
  if (touched.size >= KNOWN_KEYS_MAX) touched.clear();
  touched.set(keyId, now.getTime());
  return false;
}

/**
 * The key's actor: role "receptionist" of the key's unit, so the permission table and the unit scope
 * decide what it may do exactly as they do for the unit's receptionists. Revocation, the unit being closed
 * and the rate limit are checked against the database on every request (see keyGate).
 */
export async function authenticateApiKey(req: Request): Promise<ApiCaller> {
  const key = bearerOf(req);
  if (!key || !looksLikeApiKey(key)) throw unauthorized();
  const db = getDb();
  const found = await identifyKey(db, key);
  if (!found) throw unauthorized();

  const limit = apiRateLimitPerMinute();
  const now = new Date();
  const window = rateWindow({ limit, windowSeconds: 60 }, now);
  const pass = await keyGate(db, { keyId: found.id, windowStart: window.start });
  if (!pass) throw unauthorized();
  if (pass.count > limit) {
    throw new ApiProblem(
      429,
      "rate-limited",
      "errors.api.rateLimitedTitle",
      msg("errors.api.keyRateLimited", { limit, seconds: window.retryAfterSeconds }),
      {
        "retry-after": String(window.retryAfterSeconds),
      },
    );
  }
  // At most one write a minute per key (and per process: requests checked together all see the old time),
  // so a busy integration does not contend on its own row.
  if (
    (!pass.lastUsedAt || now.getTime() - pass.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) &&
    !touchedLately(db, found.id, now)
  ) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, found.id),
          sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute')`,
        ),
      );
  }

  return {
    keyId: found.id,
    scopes: pass.scopes,
    ctx: {
      actor: {
        kind: "apikey",
        id: found.id,
        label: `apikey:${found.name}`,
        role: "receptionist",
        unitId: pass.unitId,
        unitPath: pass.unitPath,
      },
      ip: clientIpFrom(req.headers),
    },
  };
}
