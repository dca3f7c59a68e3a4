import { getDb } from "@/db/client";
import { demoFeatureEnabled } from "@/lib/demo";
import { rawInsertEvent } from "@/lib/events/raw-insert";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The framework's floor for the webhook benchmark: read, INSERT, 200. Exists only with BENCH_ROUTES=1 (and MOTCUA_DEMO=1 under production). */
export async function POST(req: Request) {
  if (!demoFeatureEnabled(process.env.BENCH_ROUTES)) return new Response("Not Found", { status: 404 });
  const stored = await rawInsertEvent(getDb(), await req.text());
  return Response.json({ ok: true, duplicate: !stored });
}
