import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { staff, units } from "@/db/schema";
import { clientIpFrom } from "@/lib/http/client-ip";
import { type Ctx, staffActor } from "./actor";
import { authOptions, sessionExpired } from "./options";
import { PASSWORD_CHANGE_PATH, PATH_HEADER } from "./session-path";
import { type Permission, permissionsOf, roleCan } from "./permissions";

export interface StaffSession extends Ctx {
  fullName: string;
  username: string;
  unitName: string;
  mustChangePassword: boolean;
  permissions: readonly Permission[];
}

/**
 * The signed-in staff member, read fresh from the database on every request: a deactivated account,
 * a reset password, a changed role or a sign-out ends the session at once, whatever the cookie says, and so
 * does the absolute lifetime. Includes an account that must still change its password: only the account
 * page and its action may use that.
 */
export const sessionStaff = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  const { staffId, sessionVersion, signedInAt } = (session ?? {}) as {
    staffId?: number;
    sessionVersion?: number;
    signedInAt?: number;
  };
  if (!staffId || sessionExpired(signedInAt)) return null;
  const h = await headers();
  const [row] = await getDb()
    .select({ s: staff, unitName: units.name, unitPath: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.unitId))
    .where(eq(staff.id, staffId));
  if (!row || !row.s.active || row.s.sessionVersion !== sessionVersion) return null;
  return {
    actor: staffActor(row.s, row.unitPath),
    ip: clientIpFrom(h),
    fullName: row.s.fullName,
    username: row.s.username,
    unitName: row.unitName,
    mustChangePassword: row.s.mustChangePassword,
    permissions: permissionsOf(row.s.role),
  };
});

/** The signed-in staff member who may act: null while a password change is owed (every action is refused). */
export async function currentStaff(): Promise<StaffSession | null> {
  const me = await sessionStaff();
  return me && !me.mustChangePassword ? me : null;
}

/**
 * For pages: redirect to sign-in when signed out, to the account page while a password change is owed
 * (every page but that one), 403 when the permission is missing.
 */
export async function requirePage(permission?: Permission): Promise<StaffSession> {
  const me = await sessionStaff();
  if (!me) redirect("/login");
  if (me.mustChangePassword && (await headers()).get(PATH_HEADER) !== PASSWORD_CHANGE_PATH)
    redirect(PASSWORD_CHANGE_PATH);
  if (permission && !roleCan(me.actor.role, permission)) forbidden();
  return me;
}
