import { eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { staff } from "@/db/schema";
import { clientIpFrom } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";
import { sessionCookie } from "./cookie";
import { authSecret } from "./secret";
import { recordSignInFailure, recordSignInSuccess, signInGate } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** However active, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** Whether a session token signed in at `signedInAt` (seconds) is past its absolute lifetime. */
export function sessionExpired(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt !== "number" || now / 1000 - signedInAt > SESSION_ABSOLUTE_SECONDS;
}

/** Error codes the sign-in form maps to Vietnamese messages. */
const signInErrors = { invalid: "CredentialsSignin", locked: "LOCKED", ipLimited: "IP_LIMITED" } as const;

export const authOptions: NextAuthOptions = {
  // Read per request, not at import, so that a build needs no secret and a missing one fails at start.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
  // Not NEXTAUTH_URL: the cookie's Secure flag and prefix follow PUBLIC_BASE_URL.
  get useSecureCookies() {
    return sessionCookie().options.secure;
  },
  get cookies() {
    return { sessionToken: sessionCookie() };
  },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? "")
          .trim()
          .toLowerCase()
          .slice(0, 100);
        const password = String(credentials?.password ?? "");
        const ip = clientIpFrom((req?.headers ?? {}) as Record<string, string>);
        const db = getDb();
        const gate = await signInGate(db, username, ip);
        if (!gate.ok) {
          log.warn({ event: "signin.refused", reason: gate.reason, username, ip }, "sign-in refused");
          throw new Error(gate.reason === "locked" ? signInErrors.locked : signInErrors.ipLimited);
        }
        const [user] = username ? await db.select().from(staff).where(eq(staff.username, username)) : [];
        const ok = await verifyPassword(password, user?.passwordHash ?? null);
        if (!ok || !user || !user.active) {
          const { locked } = await recordSignInFailure(db, username, ip);
          log.warn({ event: "signin.failed", username, ip, locked }, "sign-in failed");
          if (locked) throw new Error(signInErrors.locked);
          return null;
        }
        await recordSignInSuccess(db, username, ip);
        await db.update(staff).set({ lastLoginAt: new Date() }).where(eq(staff.id, user.id));
        log.info({ event: "signin.ok", username, ip }, "signed in");
        return { id: String(user.id), name: user.fullName, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.staffId = Number(user.id);
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        staffId: token.staffId as number,
        sessionVersion: token.sessionVersion as number,
        signedInAt: token.signedInAt,
      };
    },
  },
  events: {
    // The cookie is only dropped by the browser; a copy of it must stop working too.
    async signOut({ token }) {
      const staffId = Number(token?.staffId);
      if (!staffId) return;
      await getDb()
        .update(staff)
        .set({ sessionVersion: sql`${staff.sessionVersion} + 1` })
        .where(eq(staff.id, staffId));
      log.info({ event: "signout", staffId }, "signed out; sessions revoked");
    },
  },
};
