import { type NextRequest, NextResponse } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/config";
import { ForbiddenError, ServiceError } from "@/lib/errors";
import { log } from "@/lib/log";
import { completeZaloOAuth } from "@/lib/zalo/connect";

export const runtime = "nodejs";

/** Zalo redirects the OA admin here with code, oa_id and state after consent. */
export async function GET(req: NextRequest) {
  const me = await currentStaff();
  if (!me) return NextResponse.redirect(`${publicBaseUrl()}/login`, 303);
  const q = req.nextUrl.searchParams;
  const back = `${publicBaseUrl()}/admin/zalo`;
  try {
    await completeZaloOAuth(me, {
      code: q.get("code") ?? undefined,
      state: q.get("state") ?? undefined,
      oaId: q.get("oa_id") ?? undefined,
    });
    return NextResponse.redirect(`${back}?connected=1`, 303);
  } catch (err) {
    if (err instanceof ForbiddenError) return new NextResponse("Forbidden", { status: 403 });
    if (err instanceof ServiceError)
      return NextResponse.redirect(`${back}?error=${encodeURIComponent(err.message)}`, 303);
    log.error({ err }, "zalo oauth callback failed");
    return NextResponse.redirect(`${back}?error=${encodeURIComponent("Lỗi hệ thống khi kết nối Zalo.")}`, 303);
  }
}
