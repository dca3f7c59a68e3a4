import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { ratingsCsvStream } from "@/lib/reports/ratings-csv";

export const dynamic = "force-dynamic";

/** GET /bao-cao/danh-gia.csv?from&to&unit → every rating of the period, streamed. */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  if (!me) return new Response("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", { status: 401 });
  try {
    const body = await ratingsCsvStream(me, Object.fromEntries(request.nextUrl.searchParams));
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="danh-gia.csv"',
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    if (err instanceof NotFoundError) return new Response(err.message, { status: 404 });
    if (err instanceof ValidationError) return new Response(Object.values(err.fieldErrors).join(" "), { status: 400 });
    throw err;
  }
}
