import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { oaPosterPdf } from "@/lib/announcements/poster";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GET /followers/poster.pdf?unit=<id> (default: the caller's unit; any unit of their scope) → the A4 OA follow poster.
 */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  if (!me) return new Response((await getTranslations())("login.expired"), { status: 401 });
  const unitId = Number(request.nextUrl.searchParams.get("unit") ?? me.actor.unitId);
  try {
    const { pdf } = await oaPosterPdf(me, unitId);
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="ap-phich-zalo-oa-${unitId}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    if (err instanceof NotFoundError) return new Response(err.message, { status: 404 });
    throw err;
  }
}
