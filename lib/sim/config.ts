import { demoFeatureEnabled } from "@/lib/demo";
/** The simulated Zalo app and OA. scripts/demo.ts gives the portal these values when ZALO_SIMULATOR=1. */
export function simIdentity(env: NodeJS.ProcessEnv = process.env) {
  return {
    appId: env.ZALO_SIM_APP_ID || "3608465249409039670",
    appSecret: env.ZALO_SIM_APP_SECRET || "sim-app-secret-5Qf2nR8tLx",
    oaId: env.ZALO_SIM_OA_ID || "1984375620194837261",
    oaSecretKey: env.ZALO_SIM_OA_SECRET_KEY || "sim-oa-secret-key-Jm4Vw7pZ",
    /** Accepted once, on a fresh simulator, so the demo connects without the OAuth dance. */
    bootstrapRefreshToken: env.ZALO_SIM_BOOTSTRAP_REFRESH_TOKEN || "sim-bootstrap-refresh-token",
  };
}

export function simEnabled(): boolean {
  return demoFeatureEnabled(process.env.ZALO_SIMULATOR);
}

/** Where the simulator posts webhook events: the portal's real route handler. */
export function simDefaultWebhookUrl(): string {
  if (process.env.ZALO_SIM_WEBHOOK_URL) return process.env.ZALO_SIM_WEBHOOK_URL;
  const base = (process.env.PUBLIC_BASE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
  return `${base}/api/zalo/webhook`;
}
