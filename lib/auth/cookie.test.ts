import { describe, expect, it } from "vitest";
import { sessionCookie } from "./cookie";
import { SESSION_ABSOLUTE_SECONDS, sessionExpired } from "./options";
import { securityHeaders } from "@/lib/http/security-headers";

describe("the session cookie follows PUBLIC_BASE_URL", () => {
  it("is __Secure-, Secure, HttpOnly and SameSite=Lax on https; plain on http (no reliance on NEXTAUTH_URL)", () => {
    expect(sessionCookie("https://motcua.hatinh.gov.vn")).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(sessionCookie("http://localhost:3000")).toMatchObject({
      name: "next-auth.session-token",
      options: { secure: false, httpOnly: true },
    });
  });

  it("ends a session 12 hours after sign-in however active it was, and one without a sign-in time at once", () => {
    const signedIn = 1_800_000_000;
    expect(sessionExpired(signedIn, (signedIn + SESSION_ABSOLUTE_SECONDS - 60) * 1000)).toBe(false);
    expect(sessionExpired(signedIn, (signedIn + SESSION_ABSOLUTE_SECONDS + 1) * 1000)).toBe(true);
    expect(sessionExpired(undefined)).toBe(true);
  });

  it("adds HSTS to the security headers only on https", () => {
    expect(securityHeaders("https://motcua.hatinh.gov.vn")["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders("http://localhost:3000")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("http://localhost:3000")["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });
});
