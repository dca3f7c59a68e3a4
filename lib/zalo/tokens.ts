import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { perDb } from "@/lib/cache/per-db";
import { type ZaloTokenStateName, zaloTokens } from "@/db/schema";
import { log } from "@/lib/log";
import { config } from "./config";
import { decryptSecret, encryptSecret } from "./crypto";
import { ZaloApiError } from "./errors";
import { type ZaloTokenPair, requestZaloTokens } from "./oauth-request";
import { getZaloSettings } from "./settings";

export interface ZaloTokenState {
  state: ZaloTokenStateName;
  hasRefreshToken: boolean;
  hasAccessToken: boolean;
  accessTokenExpiresAt: Date | null;
  refreshedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

/** For the admin screens: is the OA connected, when does the access token expire, did the last refresh fail and why. */
/** Whether the token refresh has failed: a read of the token row only, cheap enough for every page. */
export async function tokenRefreshFailed(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ state: zaloTokens.state }).from(zaloTokens).where(eq(zaloTokens.id, 1));
  return row?.state === "failed";
}

export async function getTokenState(db: DbOrTx): Promise<ZaloTokenState> {
  await getZaloSettings(db); // seeds the environment's bootstrap refresh token on first use
  const [row] = await db.select().from(zaloTokens).where(eq(zaloTokens.id, 1));
  return {
    state: row?.state ?? "none",
    hasRefreshToken: !!row?.refreshTokenEnc,
    hasAccessToken: !!row?.accessTokenEnc,
    accessTokenExpiresAt: row?.accessTokenExpiresAt ?? null,
    refreshedAt: row?.refreshedAt ?? null,
    lastError: row?.lastError ?? null,
    lastErrorAt: row?.lastErrorAt ?? null,
  };
}

function isFresh(expiresAt: Date | null, now = Date.now()): boolean {
  return !!expiresAt && expiresAt.getTime() - config.refreshAheadMs > now;
}

async function storedAccessToken(db: DbOrTx): Promise<{ token: string; expiresAt: Date | null } | null> {
  const [row] = await db
    .select({ enc: zaloTokens.accessTokenEnc, expiresAt: zaloTokens.accessTokenExpiresAt })
    .from(zaloTokens)
    .where(eq(zaloTokens.id, 1));
  return row?.enc ? { token: decryptSecret(row.enc), expiresAt: row.expiresAt } : null;
}

/** A valid access token, refreshed ahead of its expiry. Throws ZaloApiError kind "token" when none can be had. */
export async function getAccessToken(db: DbOrTx): Promise<string> {
  const stored = await storedAccessToken(db);
  if (stored && isFresh(stored.expiresAt)) return stored.token;
  return refreshAccessToken(db);
}

export type AccessTokenCache = ReturnType<typeof accessTokenCache>;

/**
 * Keeps the access token in this process for a few seconds, per database handle, so that a sender making
 * hundreds of calls a second does not read and decrypt it for each one. Concurrent callers share one read
 * (or refresh). A token another process refreshed meanwhile is picked up at the next read; one Zalo rejects
 * is forgotten at once.
 */
export function accessTokenCache(maxAgeMs = config.tokenCacheMs) {
  type Held = { token: string; expiresAt: Date | null; readAt: number };
  const stateOf = perDb<{ held?: Held; loading?: Promise<string> }, DbOrTx>(() => ({}));

  async function load(db: DbOrTx): Promise<string> {
    let stored = await storedAccessToken(db);
    if (!stored || !isFresh(stored.expiresAt)) {
      const token = await refreshAccessToken(db);
      stored = await storedAccessToken(db);
      if (stored?.token !== token) return token;
    }
    stateOf(db).held = { ...stored, readAt: Date.now() };
    return stored.token;
  }

  return {
    get(db: DbOrTx): Promise<string> {
      const state = stateOf(db);
      const h = state.held;
      if (h && Date.now() - h.readAt < maxAgeMs && isFresh(h.expiresAt)) return Promise.resolve(h.token);
      state.loading ??= load(db).finally(() => (stateOf(db).loading = undefined));
      return state.loading;
    },
    forget(db: DbOrTx): void {
      stateOf(db).held = undefined;
    },
  };
}

/** Writes a new pair (after a refresh or an OAuth code exchange); call inside the transaction that obtained it. */
export async function storeTokenPair(tx: DbOrTx, pair: ZaloTokenPair, now = new Date()): Promise<void> {
  const values = {
    accessTokenEnc: encryptSecret(pair.accessToken),
    refreshTokenEnc: encryptSecret(pair.refreshToken),
    accessTokenExpiresAt: new Date(now.getTime() + pair.expiresInSeconds * 1000),
    refreshedAt: now,
    state: "ok" as const,
    lastError: null,
    lastErrorAt: null,
    updatedAt: now,
  };
  await tx
    .insert(zaloTokens)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: zaloTokens.id, set: values });
}

export async function lockTokenRefresh(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${config.refreshLockKey})`);
}

/**
 * Spends the stored refresh token for a new pair. The refresh token is single-use, so: advisory lock,
 * re-read (another process may have refreshed while we waited), call Zalo, persist the new pair — all in
 * one transaction. `force` refreshes even a fresh token (after Zalo rejected it), unless the stored token
 * is no longer the rejected one or was refreshed moments ago by someone else.
 */
export async function refreshAccessToken(
  db: DbOrTx,
  opts: { force?: boolean; rejectedToken?: string } = {},
): Promise<string> {
  const settings = await getZaloSettings(db);
  if (!settings) {
    throw new ZaloApiError({ kind: "token", code: null, httpStatus: null, message: "Chưa cấu hình kết nối Zalo OA." });
  }
  try {
    return await db.transaction(async (tx) => {
      await lockTokenRefresh(tx);
      const [row] = await tx.select().from(zaloTokens).where(eq(zaloTokens.id, 1));
      const current = row?.accessTokenEnc ? decryptSecret(row.accessTokenEnc) : null;
      if (current && isFresh(row.accessTokenExpiresAt)) {
        if (!opts.force) return current;
        if (opts.rejectedToken !== undefined && current !== opts.rejectedToken) return current;
        if (
          opts.rejectedToken === undefined &&
          row.refreshedAt &&
          Date.now() - row.refreshedAt.getTime() < config.recentRefreshMs
        )
          return current;
      }
      if (!row?.refreshTokenEnc) {
        throw new ZaloApiError({
          kind: "token",
          code: null,
          httpStatus: null,
          message: "Chưa có refresh token: cần kết nối lại OA.",
        });
      }
      const pair = await requestZaloTokens(settings, { refreshToken: decryptSecret(row.refreshTokenEnc) });
      await storeTokenPair(tx, pair);
      log.info({ expiresIn: pair.expiresInSeconds }, "zalo access token refreshed");
      return pair.accessToken;
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await recordRefreshFailure(db, reason);
    log.error({ reason }, "zalo token refresh failed");
    if (err instanceof ZaloApiError) {
      throw new ZaloApiError({
        kind: "token",
        code: err.code,
        httpStatus: err.httpStatus,
        message: reason,
        retryAt: new Date(Date.now() + 60_000),
      });
    }
    throw new ZaloApiError({
      kind: "token",
      code: null,
      httpStatus: null,
      message: reason,
      retryAt: new Date(Date.now() + 60_000),
    });
  }
}

async function recordRefreshFailure(db: DbOrTx, reason: string): Promise<void> {
  const now = new Date();
  try {
    await db
      .insert(zaloTokens)
      .values({ id: 1, state: "failed", lastError: reason.slice(0, 500), lastErrorAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: zaloTokens.id,
        set: { state: "failed", lastError: reason.slice(0, 500), lastErrorAt: now, updatedAt: now },
      });
  } catch (err) {
    log.error({ err }, "could not record zalo token failure");
  }
}
