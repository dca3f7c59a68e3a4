import { handleApi } from "./api";
import { handleControl } from "./control";
import { oauthAccessToken, oauthPermission } from "./oauth";
import { isZaloFailure, json, sleep, zaloFail } from "./respond";
import { type SimState, simState } from "./state";

/** Faults for the API families: rate limit, latency, hangs and random errors, in that order. */
async function injectFault(state: SimState): Promise<Response | null> {
  const f = state.faults;
  const now = Date.now();
  if (f.rateLimitPerMinute !== null) {
    state.requestTimes = state.requestTimes.filter((t) => now - t < 60_000);
    if (state.requestTimes.length >= f.rateLimitPerMinute)
      return zaloFail(-32, "The application has reached the limit of requests per minute");
    state.requestTimes.push(now);
  }
  if (f.latencyMs > 0) await sleep(f.latencyMs);
  if (f.hangRate > 0 && Math.random() < f.hangRate) {
    await sleep(f.hangMs);
    return new Response("Gateway Timeout", { status: 504 });
  }
  if (f.errorRate > 0 && Math.random() < f.errorRate) {
    return f.errorKind === "-32"
      ? zaloFail(-32, "The application has reached the limit of requests per minute")
      : new Response("Internal Server Error", { status: 502 });
  }
  return null;
}

/**
 * The Zalo simulator as a Fetch handler: /oauth/…, /openapi/…, /business/… speak Zalo; /_control/… drives it.
 * Paths may carry a mount prefix ending in /sim/zalo (the app's catch-all route) or none (standalone server).
 */
export async function simHandler(req: Request): Promise<Response> {
  const state = simState();
  const url = new URL(req.url);
  const mount = url.pathname.indexOf("/sim/zalo/");
  const path = mount >= 0 ? url.pathname.slice(mount + "/sim/zalo".length) : url.pathname;
  const [, family = "", ...rest] = path.split("/");
  const sub = "/" + rest.join("/");
  let res: Response | null = null;
  if (family === "_control") {
    res = await handleControl(state, sub, req, url);
  } else if (family === "oauth" || family === "openapi" || family === "business") {
    state.counters.requests++;
    if (family === "oauth" && req.method === "GET" && sub === "/v4/oa/permission") return oauthPermission(state, url);
    const fault = await injectFault(state);
    if (fault) return fault;
    if (family === "oauth")
      res = req.method === "POST" && sub === "/v4/oa/access_token" ? await oauthAccessToken(state, req) : null;
    else res = await handleApi(state, family, sub, req, url);
    if (res && isZaloFailure(res)) state.counters.rejected++;
  }
  return res ?? json({ error: 404, message: `Zalo simulator: no route ${req.method} ${path}` }, 404);
}
