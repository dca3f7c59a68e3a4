import { MAX_WEBHOOK_BODY_BYTES, ingestZaloWebhook } from "@/lib/zalo-webhook/ingest";
import { BodyTooLargeError, readRequestBody } from "@/lib/http/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Zalo OA webhook: verified, stored, acknowledged; processed later by the worker (lib/zalo-webhook/job.ts). */
export async function POST(req: Request) {
  let rawBody: string;
  try {
    rawBody = await readRequestBody(req, MAX_WEBHOOK_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return Response.json({ error: "payload too large" }, { status: 413 });
    throw err;
  }
  const result = await ingestZaloWebhook({
    rawBody,
    signature: req.headers.get("x-zevent-signature"),
    headerTimestamp: req.headers.get("x-zevent-timestamp"),
  });
  if (result.status !== 200) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ ok: true, duplicate: !result.stored });
}
