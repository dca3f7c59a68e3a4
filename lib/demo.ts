/** Demo mode (npm run demo): shows the demo banner and lets the app run without AUTH_SECRET. */
export function isDemo(): boolean {
  return process.env.MOTCUA_DEMO === "1";
}

