import crypto from "node:crypto";
import { simIdentity } from "./config";
import { json, refusal } from "./respond";
import type { SimState } from "./state";
import { issueAccessToken, issueRefreshToken, spendRefreshToken } from "./tokens";

// OAuth errors come as a flat object (error, error_name, error_description); the codes are not documented.
const oauthError = (error: number, name: string, description: string) =>
  refusal(json({ error, error_name: name, error_reason: name, error_description: description }));

function pair(state: SimState) {
  const access = issueAccessToken(state);
  return json({
    access_token: access.token,
    refresh_token: issueRefreshToken(state),
    expires_in: String(access.expiresIn),
  });
}

/** POST /v4/oa/access_token — code or refresh token for a new pair (zalo-api.md §3.1). */
export async function oauthAccessToken(state: SimState, req: Request): Promise<Response> {
  const id = simIdentity();
  if (req.headers.get("secret_key") !== id.appSecret)
    return oauthError(-14001, "Invalid secret key", "secret_key header is missing or wrong");
  const form = new URLSearchParams(await req.text());
  if (form.get("app_id") !== id.appId) return oauthError(-14002, "Invalid app_id", "app_id is missing or wrong");
  const grant = form.get("grant_type");
  if (grant === "refresh_token") {
    const token = form.get("refresh_token") ?? "";
    if (!token) return oauthError(-14019, "Invalid refresh_token", "refresh_token is required");
    if (!spendRefreshToken(state, token))
      return oauthError(-14014, "Invalid refresh_token", "refresh_token is invalid, expired or already used");
    return pair(state);
  }
  if (grant === "authorization_code") {
    const code = state.authCodes.get(form.get("code") ?? "");
    if (!code || code.used || code.expiresAt < Date.now())
      return oauthError(-14019, "Invalid code", "authorization code is invalid or expired");
    code.used = true;
    const verifier = form.get("code_verifier") ?? "";
    if (code.challenge && crypto.createHash("sha256").update(verifier).digest("base64url") !== code.challenge) {
      return oauthError(-14010, "Invalid code_verifier", "code_verifier does not match code_challenge");
    }
    return pair(state);
  }
  return oauthError(-14003, "Invalid grant_type", "grant_type must be refresh_token or authorization_code");
}

/**
 * GET /v4/oa/permission — stands in for the OA admin's consent screen: grants at once and redirects to the
 * redirect_uri with code, oa_id and state, as Zalo does after consent.
 */
export function oauthPermission(state: SimState, url: URL): Response {
  const id = simIdentity();
  const redirectUri = url.searchParams.get("redirect_uri");
  if (url.searchParams.get("app_id") !== id.appId || !redirectUri)
    return oauthError(-14003, "Invalid redirect uri", "app_id or redirect_uri is wrong");
  const code = crypto.randomBytes(24).toString("base64url");
  state.authCodes.set(code, {
    challenge: url.searchParams.get("code_challenge"),
    expiresAt: Date.now() + 10 * 60_000,
    used: false,
  });
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  target.searchParams.set("oa_id", id.oaId);
  const st = url.searchParams.get("state");
  if (st) target.searchParams.set("state", st);
  return new Response(null, { status: 302, headers: { location: target.toString() } });
}
