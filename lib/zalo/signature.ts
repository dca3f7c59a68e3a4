import crypto from "node:crypto";

/**
 * Zalo's webhook signature: "mac=" + hex SHA-256 of app id + raw body + the body's timestamp + OA secret key
 * (zalo-api.md §4.2). The exact concatenation is kept here only, so it can be corrected in one place.
 */
export function zaloEventSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return (
    "mac=" +
    crypto
      .createHash("sha256")
      .update(appId + rawBody + timestamp + oaSecretKey)
      .digest("hex")
  );
}

/** Constant-time comparison of the X-ZEvent-Signature header against the expected value. */
export function verifyZaloEventSignature(
  header: string | null,
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(zaloEventSignature(appId, rawBody, timestamp, oaSecretKey).slice(4));
  const given = Buffer.from(
    header
      .trim()
      .replace(/^mac\s*=\s*/i, "")
      .toLowerCase(),
  );
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
