import { encode, getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";
import { publicPageGate } from "@/lib/http/public-gate";

const REISSUE_AFTER_SECONDS = 60;

/** Sliding session: each staff request pushes the 8-hour inactivity deadline forward. */
async function slideSession(req: NextRequest): Promise<NextResponse> {
  const res = NextResponse.next();
  const secure = req.nextUrl.protocol === "https:";
  const cookieName = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const secret = authSecret();
  const token = await getToken({ req, secret, cookieName, secureCookie: secure });
  const now = Math.floor(Date.now() / 1000);
  if (token && typeof token.iat === "number" && now - token.iat > REISSUE_AFTER_SECONDS) {
    const fresh = await encode({ token: { ...token, iat: now }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
    res.cookies.set(cookieName, fresh, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS });
  }
  return res;
}

export async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (path.startsWith("/tra-cuu") || path.startsWith("/danh-gia")) return (await publicPageGate(req.nextUrl, req.headers)) ?? NextResponse.next();
  return slideSession(req);
}

export const config = {
  matcher: ["/((?!_next/|api/|sim|favicon|fonts/|login).*)"],
};
