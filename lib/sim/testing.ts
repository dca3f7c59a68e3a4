import { startSimServer } from "./node-server";
import { simZaloEnv } from "./demo-env";
import { resetSimState } from "./state";

/**
 * Test helper: a Zalo simulator on a free port with the portal's ZALO_* environment pointing at it,
 * so settings seed from the environment exactly as in the demo.
 */
export async function useZaloSimulator() {
  const sim = await startSimServer(0);
  const base = `${sim.url}/sim/zalo`;
  Object.assign(process.env, simZaloEnv(sim.url));
  resetSimState();
  const control = async <T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(
      `${base}/_control${path}`,
      body === undefined
        ? {}
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );
    return (await res.json()) as T;
  };
  return { url: sim.url, base, control, close: sim.close };
}
