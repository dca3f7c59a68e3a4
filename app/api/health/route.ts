import { checkDatabase, zaloHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * 503 when the database is unreachable. Zalo problems an administrator must act on (failed token refresh, refused
 * webhook deliveries, spent balance) keep the answer 200 — the portal still serves — with status "degraded".
 */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  if (!(await checkDatabase())) return Response.json({ status: "error", db: "unreachable" }, { status: 503, headers });
  const zalo = await zaloHealth();
  if (!zalo.length) return Response.json({ status: "ok", db: "ok" }, { headers });
  return Response.json({ status: "degraded", db: "ok", zalo }, { headers });
}
