import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { staff } from "@/db/schema";
import { clientIpFrom } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";
import { authSecret } from "./secret";
import { recordSignInFailure, recordSignInSuccess, signInGate } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Error codes the sign-in form maps to Vietnamese messages. */
export const signInErrors = { invalid: "CredentialsSignin", locked: "LOCKED", ipLimited: "IP_LIMITED" } as const;

export const authOptions: NextAuthOptions = {
  // Read per request, not at import, so that a build needs no secret and a missing one fails at start.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? "").trim().toLowerCase().slice(0, 100);
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
        await recordSignInSuccess(db, username);
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
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, staffId: token.staffId as number, sessionVersion: token.sessionVersion as number };
    },
  },
};
