/** Demo mode (npm run demo): shows the demo banner and lets the app run without AUTH_SECRET. */
export function isDemo(): boolean {
  return process.env.MOTCUA_DEMO === "1";
}


/** A real deployment: NODE_ENV=production without the explicit demo flag. Demo data and the simulator stay out. */
export function isProductionWithoutDemo(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && env.MOTCUA_DEMO !== "1";
}
