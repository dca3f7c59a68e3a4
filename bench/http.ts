import http from "node:http";

/** Load generators keep their connections open, as a browser or an integration client would. */
export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** One request to the server under test on 127.0.0.1; resolves to its status, 0 when the connection failed. */
export function sendRequest(
  agent: http.Agent,
  port: number,
  shot: { method: string; path: string; body?: string; headers?: Record<string, string> },
): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {};
    if (shot.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(shot.body);
    }
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: shot.path,
        method: shot.method,
        agent,
        headers: { ...headers, ...shot.headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(shot.body);
  });
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
