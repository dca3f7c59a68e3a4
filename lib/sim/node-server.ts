import http from "node:http";
import type { AddressInfo } from "node:net";
import { simHandler } from "./handler";

/**
 * What the simulator reads of a Fetch Request (url, method, headers, body as text, JSON or form), over a body
 * node:http has already read. A real Request per call cost more CPU than the simulated API itself.
 */
function requestOverBody(url: string, method: string, headers: Headers, body: Buffer | undefined): Request {
  const text = () => (body ? body.toString("utf8") : "");
  const view: Pick<Request, "url" | "method" | "headers" | "text" | "json" | "formData" | "arrayBuffer"> = {
    url,
    method,
    headers,
    text: async () => text(),
    json: async () => JSON.parse(text()),
    arrayBuffer: async () => new Uint8Array(body ?? Buffer.alloc(0)).buffer,
    formData: () => new Request(url, { method, headers, body: body ? new Uint8Array(body) : undefined }).formData(),
  };
  return view as Request;
}

/** Serves the simulator over node:http (npm run zalo:sim, tests, benchmarks). Port 0 picks a free port. */
export async function startSimServer(
  port: number,
  host = "127.0.0.1",
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
      const response = await simHandler(
        requestOverBody(
          url,
          req.method ?? "GET",
          headers,
          req.method === "GET" || req.method === "HEAD" ? undefined : body,
        ),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`Zalo simulator error: ${(err as Error).message}`);
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
