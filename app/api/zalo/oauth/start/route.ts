import { NextResponse } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/config";
import { ForbiddenError, ServiceError } from "@/lib/errors";
import { startZaloOAuth } from "@/lib/zalo/connect";

export const runtime = "nodejs";

/** POST from /admin/zalo: creates the PKCE state and sends the admin to Zalo's permission page. */
export async function POST() {
  const me = await currentStaff();
  if (!me) return NextResponse.redirect(`${publicBaseUrl()}/login`, 303);
  try {
    const { url } = await startZaloOAuth(me);
    return NextResponse.redirect(url, 303);
  } catch (err) {
    if (err instanceof ForbiddenError) return new NextResponse("Forbidden", { status: 403 });
    if (err instanceof ServiceError)
      return NextResponse.redirect(`${publicBaseUrl()}/admin/zalo?error=${encodeURIComponent(err.message)}`, 303);
    throw err;
  }
}
