import { encode, getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { sessionCookie } from "@/lib/auth/cookie";
import { SESSION_MAX_AGE_SECONDS, sessionExpired } from "@/lib/auth/options";
import { PATH_HEADER } from "@/lib/auth/session-path";
import { authSecret } from "@/lib/auth/secret";
import { publicPageGate } from "@/lib/dossiers/public-gate";

const REISSUE_AFTER_SECONDS = 60;

/**
 * Sliding session: each staff request pushes the 8-hour inactivity deadline forward, never past the absolute
 * lifetime. The page learns its own path (for the forced password change), from here only.
 */
async function slideSession(req: NextRequest): Promise<NextResponse> {
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, req.nextUrl.pathname);
  const res = NextResponse.next({ request: { headers } });
  const cookie = sessionCookie();
  const secret = authSecret();
  const token = await getToken({ req, secret, cookieName: cookie.name, secureCookie: cookie.options.secure });
  const now = Math.floor(Date.now() / 1000);
  if (
    token &&
    !sessionExpired(token.signedInAt) &&
    typeof token.iat === "number" &&
    now - token.iat > REISSUE_AFTER_SECONDS
  ) {
    const fresh = await encode({ token: { ...token, iat: now }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
    res.cookies.set(cookie.name, fresh, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
  }
  return res;
}

export async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (path.startsWith("/tra-cuu") || path.startsWith("/danh-gia"))
    return (await publicPageGate(req.nextUrl, req.headers)) ?? NextResponse.next();
  return slideSession(req);
}

export const config = {
  matcher: ["/((?!_next/|api/|sim|favicon|fonts/|login).*)"],
};
