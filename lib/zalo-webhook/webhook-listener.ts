import http from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "@/lib/log";
import { BodyTooLargeError, readIncomingBody } from "@/lib/http/read-body";
import { MAX_WEBHOOK_BODY_BYTES, ingestZaloWebhook } from "./ingest";

export const WEBHOOK_PATH = "/api/zalo/webhook";

function reply(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const header = (req: http.IncomingMessage, name: string) =>
  typeof req.headers[name] === "string" ? (req.headers[name] as string) : null;

/**
 * The webhook on a listener of its own (npm run webhook): the same ingest as the Next.js route — verify,
 * store once, answer — without the framework's per-request cost, for OAs whose event rate outgrows it.
 * A reverse proxy sends POST /api/zalo/webhook here; everything else stays with the portal.
 */
export function webhookListener(): http.Server {
  const server = http.createServer(async (req, res) => {
    try {
      const path = (req.url ?? "/").split("?")[0];
      if (path !== WEBHOOK_PATH) return reply(res, 404, { error: "not found" });
      if (req.method !== "POST") {
        res.setHeader("allow", "POST");
        return reply(res, 405, { error: "method not allowed" });
      }
      const rawBody = await readIncomingBody(req, MAX_WEBHOOK_BODY_BYTES).catch((err: unknown) => {
        if (err instanceof BodyTooLargeError) return null;
        throw err;
      });
      if (rawBody === null) return reply(res, 413, { error: "payload too large" });
      const result = await ingestZaloWebhook({
        rawBody,
        signature: header(req, "x-zevent-signature"),
        headerTimestamp: header(req, "x-zevent-timestamp"),
      });
      if (result.status !== 200) return reply(res, result.status, { error: result.error });
      reply(res, 200, { ok: true, duplicate: !result.stored });
    } catch (err) {
      log.error({ err }, "zalo webhook listener failed");
      if (!res.headersSent) reply(res, 500, { error: "internal error" });
    }
  });
  // Longer than the sender's idle keep-alive, so a reused connection is never closed under a request in flight.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export async function listen(server: http.Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}
