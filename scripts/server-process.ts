import { createServer } from "node:http";
import next from "next";
import { publicBaseUrl } from "../lib/config";
import { webListener } from "../lib/http/web-listener";

/**
 * Serves the built app (what `next start` does) through the portal's own listener, which records the real
 * TCP peer for the client-IP computation and sets the security headers; shuts down cleanly on signals.
 */
export async function startServer(port: string) {
  (process.env as Record<string, string>).NODE_ENV ||= "production";
  const app = next({ dev: false, port: Number(port) });
  await app.prepare();
  const server = createServer(webListener(app.getRequestHandler(), publicBaseUrl()));
  server.listen(Number(port), () => console.log(`▲ motcua-zalo: http://localhost:${port}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
  }
}
