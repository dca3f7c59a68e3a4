import { performance } from "node:perf_hooks";
import { keepAliveAgent, percentile, sendRequest } from "../http";

export interface Shot {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  statusCounts: Record<string, number>;
  elapsedMs: number;
  latenciesMs: number[];
}

/** Closed loop: `clients` requests always in flight (each client waits for its answer) for `durationMs`. */
export async function closedLoop(
  port: number,
  next: () => Shot,
  clients: number,
  durationMs: number,
): Promise<LoadResult> {
  const agent = keepAliveAgent(clients);
  const result: LoadResult = { requests: 0, statusCounts: {}, elapsedMs: 0, latenciesMs: [] };
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const shot = next();
        const t0 = performance.now();
        const status = await sendRequest(agent, port, shot);
        result.latenciesMs.push(performance.now() - t0);
        result.requests++;
        result.statusCounts[status] = (result.statusCounts[status] ?? 0) + 1;
      }
    }),
  );
  result.elapsedMs = performance.now() - start;
  agent.destroy();
  return result;
}

/** The same closed loop around an in-process async call (the service-call baseline). */
export async function closedLoopCalls(
  call: () => Promise<unknown>,
  clients: number,
  durationMs: number,
): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, statusCounts: {}, elapsedMs: 0, latenciesMs: [] };
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        let outcome = "ok";
        try {
          await call();
        } catch (err) {
          outcome = (err as Error).constructor.name;
        }
        result.latenciesMs.push(performance.now() - t0);
        result.requests++;
        result.statusCounts[outcome] = (result.statusCounts[outcome] ?? 0) + 1;
      }
    }),
  );
  result.elapsedMs = performance.now() - start;
  return result;
}

export function summarise(r: LoadResult, okStatus: string) {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const ok = r.statusCounts[okStatus] ?? 0;
  return {
    ok,
    perSecond: (ok / r.elapsedMs) * 1000,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    statusCounts: r.statusCounts,
  };
}
