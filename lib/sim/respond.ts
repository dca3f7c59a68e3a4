/** Zalo's envelope: errors arrive with HTTP 200 and a non-zero `error`. */
export function zaloOk(data: unknown): Response {
  return Response.json({ error: 0, message: "Success", data });
}

const refusals = new WeakSet<Response>();

/** Marks a response as Zalo refusing the call (its envelope carries a non-zero `error`). */
export function refusal(res: Response): Response {
  refusals.add(res);
  return res;
}

export function zaloFail(code: number, message: string): Response {
  return refusal(Response.json({ error: code, message }));
}

/** Whether the simulator answered with Zalo's error envelope (counted without re-reading the body). */
export function isZaloFailure(res: Response): boolean {
  return refusals.has(res);
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function readJson(req: Request): Promise<Record<string, unknown> | null> {
  try {
    const v: unknown = await req.json();
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** GET endpoints of the OA family take one URL-encoded JSON object in `data`. */
export function dataParam(url: URL): Record<string, unknown> | null {
  const raw = url.searchParams.get("data");
  if (raw === null) return {};
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
