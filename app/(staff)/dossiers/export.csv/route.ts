import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { dossiersCsv } from "@/lib/dossiers/csv";
import { exportDossierRows } from "@/lib/dossiers/queries";
import { localToday } from "@/lib/calendar/time";
import { ForbiddenError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /dossiers/export.csv?<list filters> → the filtered list as UTF-8 CSV with a BOM (Excel shows Vietnamese). */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  if (!me) return new Response("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", { status: 401 });
  try {
    const rows = await exportDossierRows(me, Object.fromEntries(request.nextUrl.searchParams));
    const day = localToday();
    return new Response(dossiersCsv(rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="ho-so-${day}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    throw err;
  }
}
