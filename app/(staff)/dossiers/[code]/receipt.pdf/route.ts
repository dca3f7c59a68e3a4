import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { getReceipt } from "@/lib/dossiers/detail";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { receiptPdf } from "@/lib/dossiers/receipt-pdf";

export const dynamic = "force-dynamic";

/** GET /dossiers/<code>/receipt.pdf?v=<version>&size=a4 → Mẫu số 01 as a PDF (A5 unless asked). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const me = await currentStaff();
  if (!me) return new Response("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", { status: 401 });
  const { code } = await params;
  const sp = request.nextUrl.searchParams;
  const v = sp.get("v");
  try {
    const receipt = await getReceipt(me, decodeURIComponent(code), v && /^\d+$/.test(v) ? Number(v) : undefined);
    const pdf = await receiptPdf(receipt, sp.get("size") === "a4" ? "a4" : "a5");
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="giay-tiep-nhan-${receipt.code}-lan-${receipt.version}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    if (err instanceof NotFoundError) return new Response(err.message, { status: 404 });
    throw err;
  }
}
