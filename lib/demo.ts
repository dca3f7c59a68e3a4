/** Demo mode (npm run demo): shows the demo banner and lets the app run without AUTH_SECRET. */
export function isDemo(): boolean {
  return process.env.MOTCUA_DEMO === "1";
}

/** A real deployment: NODE_ENV=production without the explicit demo flag. Demo data and the simulator stay out. */
export function isProductionWithoutDemo(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && env.MOTCUA_DEMO !== "1";
}

/**
 * A demo-only feature (the Zalo simulator, benchmark routes) switched on by its own flag: never under
 * NODE_ENV=production unless the explicit demo flag MOTCUA_DEMO=1 is set too, so a stray flag copied into
 * a production environment opens nothing.
 */
export function demoFeatureEnabled(flag: string | undefined): boolean {
  return flag === "1" && !isProductionWithoutDemo();
}
