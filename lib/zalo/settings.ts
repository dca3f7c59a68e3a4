import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { perDb } from "@/lib/cache/per-db";
import { zaloSettings, zaloTokens } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { decryptSecret, encryptSecret } from "./crypto";

export interface ZaloSettings {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  welcomeMessage: string | null;
}

type Row = typeof zaloSettings.$inferSelect;

function decrypt(row: Row): ZaloSettings {
  return {
    appId: row.appId,
    appSecret: decryptSecret(row.appSecretEnc),
    oaId: row.oaId,
    oaSecretKey: decryptSecret(row.oaSecretKeyEnc),
    welcomeMessage: row.welcomeMessage,
  };
}

/**
 * Settings given by environment (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_ID, ZALO_OA_SECRET_KEY), or null when
 * incomplete.
 */
function zaloSettingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): (ZaloSettings & { refreshToken: string | null }) | null {
  const { ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_ID, ZALO_OA_SECRET_KEY } = env;
  if (!ZALO_APP_ID || !ZALO_APP_SECRET || !ZALO_OA_ID || !ZALO_OA_SECRET_KEY) return null;
  return {
    appId: ZALO_APP_ID,
    appSecret: ZALO_APP_SECRET,
    oaId: ZALO_OA_ID,
    oaSecretKey: ZALO_OA_SECRET_KEY,
    welcomeMessage: env.ZALO_WELCOME_MESSAGE || null,
    refreshToken: env.ZALO_REFRESH_TOKEN || null,
  };
}

/**
 * Stores the environment's settings (and bootstrap refresh token) when nothing is stored yet. Idempotent and
 * safe with several processes: both inserts do nothing when a row already exists, so a stored (rotated)
 * refresh token is never overwritten by the environment's spent one.
 */
export async function seedZaloSettingsFromEnv(db: DbOrTx, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const fromEnv = zaloSettingsFromEnv(env);
  if (!fromEnv) return false;
  const inserted = await db
    .insert(zaloSettings)
    .values({
      id: 1,
      appId: fromEnv.appId,
      appSecretEnc: encryptSecret(fromEnv.appSecret),
      oaId: fromEnv.oaId,
      oaSecretKeyEnc: encryptSecret(fromEnv.oaSecretKey),
      welcomeMessage: fromEnv.welcomeMessage,
      source: "env",
    })
    .onConflictDoNothing()
    .returning({ id: zaloSettings.id });
  if (fromEnv.refreshToken) {
    await db
      .insert(zaloTokens)
      .values({ id: 1, refreshTokenEnc: encryptSecret(fromEnv.refreshToken), state: "ok" })
      .onConflictDoNothing();
  }
  if (inserted.length > 0) {
    await writeAudit(db, systemCtx(), {
      action: "zalo.settings.seed_env",
      entityType: "zalo_settings",
      entityId: 1,
      summary: `Nạp cấu hình Zalo OA ${fromEnv.oaId} từ biến môi trường`,
      changes: { appId: fromEnv.appId, oaId: fromEnv.oaId, refreshToken: fromEnv.refreshToken ? "đã lưu" : "không có" },
    });
  }
  return inserted.length > 0;
}

/** The stored OA settings, decrypted; seeded from the environment on first use. Null when the OA is not configured. */
export async function getZaloSettings(db: DbOrTx): Promise<ZaloSettings | null> {
  let [row] = await db.select().from(zaloSettings).where(eq(zaloSettings.id, 1));
  if (!row && zaloSettingsFromEnv()) {
    await seedZaloSettingsFromEnv(db);
    [row] = await db.select().from(zaloSettings).where(eq(zaloSettings.id, 1));
  }
  return row ? decrypt(row) : null;
}

/** Non-secret view for the admin page: which secrets are set, never their values. */
export async function getZaloSettingsSummary(db: DbOrTx) {
  const settings = await getZaloSettings(db);
  const [row] = await db
    .select({ source: zaloSettings.source, updatedAt: zaloSettings.updatedAt })
    .from(zaloSettings)
    .where(eq(zaloSettings.id, 1));
  return {
    configured: settings !== null,
    appId: settings?.appId ?? "",
    oaId: settings?.oaId ?? "",
    appSecretSet: !!settings?.appSecret,
    oaSecretKeySet: !!settings?.oaSecretKey,
    welcomeMessage: settings?.welcomeMessage ?? "",
    source: row?.source ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

const settingsCache = perDb<Promise<ZaloSettings | null>, DbOrTx>(
  (db) => {
    const loading = getZaloSettings(db);
    loading.catch(() => settingsCache.invalidate(db));
    return loading;
  },
  { ttlMs: 5_000 },
);

/** For hot paths (webhook verification): the settings, re-read at most every few seconds. */
export function cachedZaloSettings(db: DbOrTx): Promise<ZaloSettings | null> {
  return settingsCache(db);
}

/** After the settings were saved: every handle reads them anew. */
export function clearZaloSettingsCache(): void {
  settingsCache.invalidate();
}
