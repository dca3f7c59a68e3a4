import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { exportStatutoryReport, reportFileName, statutoryCsv, statutoryXlsxStream } from "@/lib/reports/export";

export const dynamic = "force-dynamic";

/** GET /bao-cao/xuat?format=xlsx|csv&from&to&unit&by=unit|field → the statutory report as a file. */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  if (!me) return new Response("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", { status: 401 });
  try {
    const report = await exportStatutoryReport(me, Object.fromEntries(request.nextUrl.searchParams));
    const common = { "cache-control": "private, no-store" };
    if (report.format === "csv") {
      return new Response(statutoryCsv(report), {
        headers: {
          ...common,
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${reportFileName(report, "csv")}"`,
        },
      });
    }
    return new Response(statutoryXlsxStream(report), {
      headers: {
        ...common,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${reportFileName(report, "xlsx")}"`,
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    if (err instanceof NotFoundError) return new Response(err.message, { status: 404 });
    if (err instanceof ValidationError) return new Response(Object.values(err.fieldErrors).join(" "), { status: 400 });
    throw err;
  }
}
