import { spawn } from "node:child_process";

/** Runs `next start` in the foreground and passes signals through so the server can shut down cleanly. */
export function startServer(port: string) {
  const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}
