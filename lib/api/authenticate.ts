import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, units } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { clientIpFrom } from "@/lib/http/client-ip";
import { hitRateLimit } from "@/lib/rate-limit";
import { apiKeyMatches, apiKeyPrefix, looksLikeApiKey } from "./key-material";
import { ApiProblem, unauthorized } from "./problem";

export interface ApiCaller {
  ctx: Ctx;
  keyId: number;
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

/**
 * The key's actor: role "receptionist" of the key's unit, so the permission table and the unit scope
 * decide what it may do exactly as they do for the unit's receptionists.
 */
export async function authenticateApiKey(req: Request): Promise<ApiCaller> {
  const key = bearerOf(req);
  if (!key || !looksLikeApiKey(key)) throw unauthorized();
  const db = getDb();
  const candidates = await db
    .select({ id: apiKeys.id, name: apiKeys.name, hash: apiKeys.hash, unitId: apiKeys.unitId, unitPath: units.path, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(units, eq(units.id, apiKeys.unitId))
    .where(and(eq(apiKeys.prefix, apiKeyPrefix(key)), isNull(apiKeys.revokedAt), eq(units.active, true)));
  const found = candidates.find((c) => apiKeyMatches(key, c.hash));
  if (!found) throw unauthorized();

  const limit = apiRateLimitPerMinute();
  const rate = await hitRateLimit(db, `apikey:${found.id}`, { limit, windowSeconds: 60 });
  if (!rate.allowed) {
    throw new ApiProblem(429, "rate-limited", "Quá nhiều yêu cầu", `Khóa API đã vượt giới hạn ${limit} yêu cầu mỗi phút. Vui lòng thử lại sau ${rate.retryAfterSeconds} giây.`, {
      "retry-after": String(rate.retryAfterSeconds),
    });
  }
  // At most one write a minute per key, so a busy integration does not contend on its own row.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiKeys.id, found.id), sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute')`));
  }

  return {
    keyId: found.id,
    ctx: {
      actor: { kind: "apikey", id: found.id, label: `apikey:${found.name}`, role: "receptionist", unitId: found.unitId, unitPath: found.unitPath },
      ip: clientIpFrom(req.headers),
    },
  };
}
