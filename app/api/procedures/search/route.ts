import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { searchProceduresForIntake } from "@/lib/procedures/search";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

/**
 * GET /api/procedures/search?q=khai%20sinh&limit=20 → { options: ProcedureOption[] } for a picker that searches as one
 * types.
 */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  if (!me)
    return Response.json(
      { error: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." },
      { status: 401, headers: noStore },
    );
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 200);
  const limit = Number(request.nextUrl.searchParams.get("limit") ?? 20) || 20;
  try {
    const options = await searchProceduresForIntake(me, q, limit);
    return Response.json({ options }, { headers: noStore });
  } catch (err) {
    if (err instanceof ForbiddenError) return Response.json({ error: err.message }, { status: 403, headers: noStore });
    throw err;
  }
}
