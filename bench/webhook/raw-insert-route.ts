import { getDb } from "@/db/client";
import { rawInsertEvent } from "@/bench/webhook/raw-insert";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The framework's floor for the webhook benchmark: read, INSERT, 200. Not part of the app: the benchmark copies
 * this file into app/ for its own build only (bench/webhook/run.ts) and removes it afterwards.
 */
export async function POST(req: Request) {
  const stored = await rawInsertEvent(getDb(), await req.text());
  return Response.json({ ok: true, duplicate: !stored });
}
