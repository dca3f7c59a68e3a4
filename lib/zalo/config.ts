/**
 * Everything about Zalo's API that the reference marks uncertain lives here (zalo-api.md §10),
 * so it can be corrected in one place once checked against a real OA.
 */
export const config = {
  errorCodes: {
    retryable: [-32, -100],
    token: [-216, -220, -124],
    // -218 (per-recipient limit) fails that recipient only: no other send is held back for it.
    permanent: [
      -108, -109, -111, -112, -114, -117, -118, -131, -135, -139, -140, -141, -201, -213, -218, -227, -230, -232, -249,
    ],
    quota: [-115, -144, -211, -147],
    nightBan: [-133, -234],
  } as Record<"retryable" | "token" | "permanent" | "quota" | "nightBan", number[]>,
  /** What each quota code stops (zalo.cloud handle-error-code): only the OA's daily quota pauses all ZBS for a day. */
  quotaScopes: {
    [-144]: "oa_daily",
    [-147]: "template",
    [-115]: "balance",
    [-211]: "feature",
  } as Record<number, QuotaScope>,
  /** After Zalo reports the balance spent, one probe send is tried this often until an admin tops it up. */
  balanceProbeMs: 60 * 60_000,
  /** The token refresh spends a single-use refresh token: give Zalo time to answer rather than lose the new pair. */
  refreshTimeoutMs: 120_000,
  /** Refused webhook deliveries in a row (bad signature) before admins are alerted. */
  webhookSignatureAlertAfter: 3,
  /** Refresh this long before the access token's expiry (expires_in ≈ 25 h). */
  refreshAheadMs: 10 * 60_000,
  /**
   * A forced refresh right after another process refreshed reuses that pair instead of spending the new refresh token.
   */
  recentRefreshMs: 30_000,
  defaultTimeoutMs: 10_000,
  /** How long a sending process trusts the access token it read before reading it again. */
  tokenCacheMs: 5_000,
  /** Advisory-lock key serialising token refreshes across processes. */
  refreshLockKey: 4_201_004,
  oauthStateTtlMs: 10 * 60_000,
};

export type QuotaScope = "oa_daily" | "template" | "balance" | "feature";

export function zaloUrls() {
  const strip = (u: string) => u.replace(/\/+$/, "");
  return {
    oauth: strip(process.env.ZALO_OAUTH_URL || "https://oauth.zaloapp.com"),
    openapi: strip(process.env.ZALO_OPENAPI_URL || "https://openapi.zalo.me"),
    business: strip(process.env.ZALO_BUSINESS_URL || "https://business.openapi.zalo.me"),
  };
}
