import { config, zaloUrls } from "./config";
import { ZaloApiError } from "./errors";
import { zaloHttp } from "./http";
import type { ZaloSettings } from "./settings";

export interface ZaloTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** POST {oauth}/v4/oa/access_token (zalo-api.md §3.1): header secret_key, form body; expires_in arrives as a string. */
export async function requestZaloTokens(
  settings: Pick<ZaloSettings, "appId" | "appSecret">,
  grant: { refreshToken: string } | { code: string; codeVerifier: string },
): Promise<ZaloTokenPair> {
  const form = new URLSearchParams({ app_id: settings.appId });
  if ("refreshToken" in grant) {
    form.set("grant_type", "refresh_token");
    form.set("refresh_token", grant.refreshToken);
  } else {
    form.set("grant_type", "authorization_code");
    form.set("code", grant.code);
    form.set("code_verifier", grant.codeVerifier);
  }
  const body = await zaloHttp({
    method: "POST",
    url: `${zaloUrls().oauth}/v4/oa/access_token`,
    headers: { secret_key: settings.appSecret },
    body: form,
    timeoutMs: config.refreshTimeoutMs,
  }).catch((err: unknown) => {
    // Any failure to obtain tokens means sends must wait for a token, never fail for good.
    if (err instanceof ZaloApiError && err.kind !== "retryable")
      throw new ZaloApiError({ kind: "token", code: err.code, httpStatus: err.httpStatus, message: err.message });
    throw err;
  });
  const accessToken = typeof body.access_token === "string" ? body.access_token : "";
  const refreshToken = typeof body.refresh_token === "string" ? body.refresh_token : "";
  const expiresInSeconds = Number(body.expires_in ?? 0);
  if (!accessToken || !refreshToken || !Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) {
    const reason = String(
      body.error_description ?? body.error_name ?? body.message ?? "phản hồi thiếu access_token/refresh_token",
    );
    throw new ZaloApiError({
      kind: "token",
      code: body.error == null ? null : Number(body.error),
      httpStatus: 200,
      message: `Zalo OAuth: ${reason}`,
    });
  }
  return { accessToken, refreshToken, expiresInSeconds };
}
