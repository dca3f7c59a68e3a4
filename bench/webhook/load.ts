import type http from "node:http";
import { performance } from "node:perf_hooks";
import { keepAliveAgent, sendRequest } from "../http";

export interface Target {
  name: string;
  port: number;
  path: string;
}

export interface Shot {
  body: string;
  headers: Record<string, string>;
  unique: boolean;
}

export interface LoadResult {
  sent: number;
  ok: number;
  errors: number;
  statusCounts: Record<string, number>;
  elapsedMs: number;
  /** Open loop: from the first send to the last (the arrival rate offered); elapsedMs also waits for the replies. */
  sendWindowMs?: number;
  latenciesMs: number[];
  /** Open loop: the slowest acknowledgement of the requests scheduled in each second. */
  slowestPerSecond?: number[];
}

const post = (agent: http.Agent, target: Target, shot: Shot) =>
  sendRequest(agent, target.port, { method: "POST", path: target.path, body: shot.body, headers: shot.headers });

function record(result: LoadResult, status: number) {
  result.statusCounts[status] = (result.statusCounts[status] ?? 0) + 1;
  if (status === 200) result.ok++;
  else result.errors++;
}

/** Closed loop: `concurrency` requests always in flight for `durationMs`; measures the maximum throughput. */
export async function closedLoop(
  target: Target,
  next: () => Shot,
  concurrency: number,
  durationMs: number,
  onShot?: (s: Shot, status: number) => void,
): Promise<LoadResult> {
  const agent = keepAliveAgent(concurrency);
  const result: LoadResult = { sent: 0, ok: 0, errors: 0, statusCounts: {}, elapsedMs: 0, latenciesMs: [] };
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const shot = next();
        const t0 = performance.now();
        result.sent++;
        const status = await post(agent, target, shot);
        result.latenciesMs.push(performance.now() - t0);
        record(result, status);
        onShot?.(shot, status);
      }
    }),
  );
  result.elapsedMs = performance.now() - start;
  agent.destroy();
  return result;
}

/**
 * Open loop at a fixed arrival rate, like Zalo delivering events whatever our latency. Latency is measured
 * from each request's scheduled time, so a stalled server cannot hide its queueing (no coordinated omission).
 */
export async function openLoop(
  target: Target,
  next: () => Shot,
  ratePerSecond: number,
  durationMs: number,
  onShot?: (s: Shot, status: number) => void,
): Promise<LoadResult> {
  const agent = keepAliveAgent(256);
  const result: LoadResult = { sent: 0, ok: 0, errors: 0, statusCounts: {}, elapsedMs: 0, latenciesMs: [] };
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const interval = 1000 / ratePerSecond;
  const slowest: number[] = [];
  result.slowestPerSecond = slowest;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  while (result.sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor((now - start) / interval) + 1);
    while (result.sent < due) {
      const scheduled = start + result.sent * interval;
      const shot = next();
      result.sent++;
      inflight.push(
        post(agent, target, shot).then((status) => {
          const latency = performance.now() - scheduled;
          result.latenciesMs.push(latency);
          const second = Math.floor((scheduled - start) / 1000);
          slowest[second] = Math.max(slowest[second] ?? 0, latency);
          record(result, status);
          onShot?.(shot, status);
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  result.sendWindowMs = performance.now() - start;
  await Promise.all(inflight);
  result.elapsedMs = performance.now() - start;
  agent.destroy();
  return result;
}
