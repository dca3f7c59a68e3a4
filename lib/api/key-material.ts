import crypto from "node:crypto";

const KEY_PREFIX = "mcz_";
const PREFIX_LENGTH = KEY_PREFIX.length + 6;

/** A new key: "mcz_" + 43 random base64url characters (256 bits); the first 10 characters are its visible prefix. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + crypto.randomBytes(32).toString("base64url");
  return { key, prefix: apiKeyPrefix(key), hash: hashApiKey(key) };
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function looksLikeApiKey(value: string): boolean {
  return (
    value.startsWith(KEY_PREFIX) &&
    value.length >= PREFIX_LENGTH + 16 &&
    value.length <= 200 &&
    /^[A-Za-z0-9_-]+$/.test(value)
  );
}
