import crypto from "node:crypto";
import { simIdentity } from "./config";
import { type SimState, randomHex } from "./state";

// Tokens carry an HMAC so that a portal restarted against a restarted simulator still holds a token the
// simulator accepts; single use is enforced by the in-memory spent set.
function mac(payload: string): string {
  return crypto.createHmac("sha256", simIdentity().appSecret).update(payload).digest("base64url").slice(0, 22);
}

export function issueAccessToken(state: SimState, now = Date.now()): { token: string; expiresIn: number } {
  const expiresIn = state.settings.accessTokenTtlSeconds;
  const payload = `simat.${now}.${now + expiresIn * 1000}.${randomHex(8)}`;
  state.accessIssued++;
  return { token: `${payload}.${mac(payload)}`, expiresIn };
}

export function issueRefreshToken(state: SimState): string {
  const payload = `simrt.${randomHex(12)}`;
  const token = `${payload}.${mac(payload)}`;
  state.refreshIssued.push(token);
  return token;
}

const verified = new Map<string, string | null>();

/** The token's payload when its MAC is ours; remembered, since every API call presents the same token. */
function signed(token: string): string | null {
  const key = `${simIdentity().appSecret} ${token}`;
  const known = verified.get(key);
  if (known !== undefined) return known;
  const payload = verifyMac(token);
  if (verified.size >= 1000) verified.clear();
  verified.set(key, payload);
  return payload;
}

function verifyMac(token: string): string | null {
  const i = token.lastIndexOf(".");
  if (i < 0) return null;
  const payload = token.slice(0, i);
  const given = Buffer.from(token.slice(i + 1));
  const expected = Buffer.from(mac(payload));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? payload : null;
}

/** "ok", or why Zalo would refuse this access token. */
export function checkAccessToken(
  state: SimState,
  token: string | null,
  now = Date.now(),
): "ok" | "missing" | "invalid" | "expired" {
  if (!token) return "missing";
  const payload = signed(token);
  if (!payload || !payload.startsWith("simat.")) return "invalid";
  const [, issuedAt, expiresAt] = payload.split(".");
  if (Number(issuedAt) < state.accessRevokedBefore || Number(expiresAt) <= now) return "expired";
  return "ok";
}

/** A refresh token may be spent once: the bootstrap token or one this simulator signed. */
export function spendRefreshToken(state: SimState, token: string): boolean {
  if (state.refreshSpent.has(token)) return false;
  const known = token === simIdentity().bootstrapRefreshToken || signed(token)?.startsWith("simrt.");
  if (!known) return false;
  state.refreshSpent.add(token);
  return true;
}

/** The refresh tokens still valid (issued and not spent). */
export function validRefreshTokens(state: SimState): string[] {
  return state.refreshIssued.filter((t) => !state.refreshSpent.has(t));
}
