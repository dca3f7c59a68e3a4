import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { zaloOauthStates, zaloTokens } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { publicBaseUrl } from "@/lib/config";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { config, zaloUrls } from "./config";
import { decryptSecret, encryptSecret } from "./crypto";
import { ZaloApiError } from "./errors";
import { requestZaloTokens } from "./oauth-request";
import { oauthCallbackSchema, refreshTokenSchema } from "./schemas";
import { getZaloSettings } from "./settings";
import { lockTokenRefresh, refreshAccessToken, storeTokenPair } from "./tokens";
import { msg } from "@/lib/i18n/translate";
import { dbOf, withTransaction } from "@/lib/services/context";

export function zaloWebhookUrl(): string {
  return `${publicBaseUrl()}/api/zalo/webhook`;
}

export function zaloOauthCallbackUrl(): string {
  return `${publicBaseUrl()}/api/zalo/oauth/callback`;
}

/** PKCE as in Zalo's SDKs: 32 random bytes base64url; challenge = base64url(SHA-256(verifier)), no method parameter. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = crypto.randomBytes(32).toString("base64url");
  return { verifier, challenge: crypto.createHash("sha256").update(verifier).digest("base64url") };
}

async function requireSettings(ctx: Ctx) {
  const settings = await getZaloSettings(dbOf(ctx));
  if (!settings)
    throw new ValidationError({ _form: "errors.zalo.saveCredentialsFirst" }, "errors.zalo.saveCredentialsFirst");
  return settings;
}

/** Starts the OAuth v4 consent: stores state → verifier (single use, 10 minutes) and returns Zalo's permission link. */
export async function startZaloOAuth(ctx: Ctx): Promise<{ url: string }> {
  requirePermission(ctx, "zalo.settings");
  const settings = await requireSettings(ctx);
  const { verifier, challenge } = pkcePair();
  const state = crypto.randomBytes(24).toString("base64url");
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    await tx.insert(zaloOauthStates).values({
      state,
      codeVerifierEnc: encryptSecret(verifier),
      staffId: ctx.actor.id,
      expiresAt: new Date(now.getTime() + config.oauthStateTtlMs),
    });
    await writeAudit(tx, ctx, {
      action: "zalo.oauth.start",
      entityType: "zalo_settings",
      entityId: 1,
      summary: "Bắt đầu cấp quyền Zalo OA (OAuth v4)",
    });
  });
  const url = new URL(`${zaloUrls().oauth}/v4/oa/permission`);
  url.searchParams.set("app_id", settings.appId);
  url.searchParams.set("redirect_uri", zaloOauthCallbackUrl());
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("state", state);
  return { url: url.toString() };
}

/** Zalo's redirect back: checks the single-use state, exchanges the code with the verifier, stores the pair. */
export async function completeZaloOAuth(ctx: Ctx, raw: unknown): Promise<{ oaId: string }> {
  requirePermission(ctx, "zalo.settings");
  const input = parseInput(oauthCallbackSchema, raw);
  const settings = await requireSettings(ctx);
  const now = ctx.now ?? new Date();
  const [pending] = await dbOf(ctx).delete(zaloOauthStates).where(eq(zaloOauthStates.state, input.state)).returning();
  if (
    !pending ||
    pending.expiresAt.getTime() < now.getTime() ||
    (pending.staffId !== null && pending.staffId !== ctx.actor.id)
  ) {
    throw new ValidationError({ state: "errors.zalo.badState" }, "errors.zalo.badState");
  }
  if (input.oaId && input.oaId !== settings.oaId) {
    throw new ValidationError(
      { oaId: msg("errors.zalo.otherOa", { got: input.oaId, configured: settings.oaId }) },
      msg("errors.zalo.otherOaShort", { got: input.oaId }),
    );
  }
  const pair = await requestZaloTokens(settings, {
    code: input.code,
    codeVerifier: decryptSecret(pending.codeVerifierEnc),
  }).catch((err: unknown) => {
    const reason = err instanceof ZaloApiError ? err.message : String(err);
    throw new ValidationError({ code: reason }, msg("errors.zalo.noToken", { reason }));
  });
  await withTransaction(ctx, async (ctx, tx) => {
    await lockTokenRefresh(tx);
    await storeTokenPair(tx, pair, ctx.now ?? new Date());
    await writeAudit(tx, ctx, {
      action: "zalo.oauth.connect",
      entityType: "zalo_settings",
      entityId: 1,
      summary: `Kết nối Zalo OA ${settings.oaId} qua cấp quyền OAuth`,
    });
  });
  return { oaId: settings.oaId };
}

/**
 * Connects by a pasted refresh token (e.g. from Zalo's API Explorer): stores it, then spends it at once for a
 * fresh pair, so a wrong token is reported here rather than at the first send.
 */
export async function saveRefreshToken(ctx: Ctx, raw: unknown): Promise<{ ok: true }> {
  requirePermission(ctx, "zalo.settings");
  const input = parseInput(refreshTokenSchema, raw);
  await requireSettings(ctx);
  await withTransaction(ctx, async (ctx, tx) => {
    await lockTokenRefresh(tx);
    const values = {
      refreshTokenEnc: encryptSecret(input.refreshToken),
      accessTokenEnc: null,
      accessTokenExpiresAt: null,
      state: "ok" as const,
      lastError: null,
      lastErrorAt: null,
      updatedAt: ctx.now ?? new Date(),
    };
    await tx
      .insert(zaloTokens)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: zaloTokens.id, set: values });
    await writeAudit(tx, ctx, {
      action: "zalo.token.paste",
      entityType: "zalo_settings",
      entityId: 1,
      summary: "Dán refresh token mới cho Zalo OA",
    });
  });
  try {
    await refreshAccessToken(dbOf(ctx), { force: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ValidationError({ refreshToken: msg("errors.zalo.refreshRefused", { reason }) });
  }
  return { ok: true };
}
