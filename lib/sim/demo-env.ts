import { simIdentity } from "./config";

/**
 * ZALO_* defaults pointing the portal at the simulator mounted in the app (ZALO_SIMULATOR=1), with its app,
 * OA and a bootstrap refresh token it accepts, so the demo works out of the box. Only fills what is unset;
 * the environment seeds stored settings only when none exist.
 */
export function simZaloEnv(publicBaseUrl: string): Record<string, string> {
  const base = `${publicBaseUrl.replace(/\/+$/, "")}/sim/zalo`;
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
    ZALO_WELCOME_MESSAGE:
      "Chào mừng Ông/Bà đã đến với Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh trên Zalo. Thông tin về việc thực hiện dịch vụ công của Ông/Bà sẽ được gửi tới tài khoản Zalo này. Gửi mã hồ sơ để tra cứu tình trạng giải quyết.",
  };
}

export function applySimZaloEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env.ZALO_SIMULATOR !== "1" || !env.PUBLIC_BASE_URL) return;
  for (const [k, v] of Object.entries(simZaloEnv(env.PUBLIC_BASE_URL))) env[k] ??= v;
}
