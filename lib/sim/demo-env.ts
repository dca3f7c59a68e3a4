import { simIdentity } from "./config";

/** The ZALO_* environment that points the portal at a simulator served from `simulatorUrl`, as its app and OA. */
export function simZaloEnv(simulatorUrl: string): Record<string, string> {
  const base = `${simulatorUrl.replace(/\/+$/, "")}/sim/zalo`;
  const id = simIdentity();
  return {
    ZALO_OAUTH_URL: `${base}/oauth`,
    ZALO_OPENAPI_URL: `${base}/openapi`,
    ZALO_BUSINESS_URL: `${base}/business`,
    ZALO_APP_ID: id.appId,
    ZALO_APP_SECRET: id.appSecret,
    ZALO_OA_ID: id.oaId,
    ZALO_OA_SECRET_KEY: id.oaSecretKey,
    ZALO_REFRESH_TOKEN: id.bootstrapRefreshToken,
  };
}

/**
 * ZALO_* defaults pointing the portal at the simulator mounted in the app (ZALO_SIMULATOR=1), with its app,
 * OA and a bootstrap refresh token it accepts, so the demo works out of the box. Only fills what is unset;
 * the environment seeds stored settings only when none exist. No welcome text: the built-in one greets by name.
 */
export function applySimZaloEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env.ZALO_SIMULATOR !== "1" || !env.PUBLIC_BASE_URL) return;
  for (const [k, v] of Object.entries(simZaloEnv(env.PUBLIC_BASE_URL))) env[k] ??= v;
}
