import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { staff, units } from "@/db/schema";
import { clientIpFrom } from "@/lib/http/client-ip";
import type { Ctx } from "./actor";
import { authOptions } from "./options";
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
 * a reset password or a changed role ends the session at once, whatever the cookie says.
 */
export const currentStaff = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  const { staffId, sessionVersion } = (session ?? {}) as { staffId?: number; sessionVersion?: number };
  if (!staffId) return null;
  const h = await headers();
  const [row] = await getDb()
    .select({ s: staff, unitName: units.name, unitPath: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.unitId))
    .where(eq(staff.id, staffId));
  if (!row || !row.s.active || row.s.sessionVersion !== sessionVersion) return null;
  return {
    actor: { kind: "staff", id: row.s.id, label: row.s.username, role: row.s.role, unitId: row.s.unitId, unitPath: row.unitPath },
    ip: clientIpFrom(h),
    fullName: row.s.fullName,
    username: row.s.username,
    unitName: row.unitName,
    mustChangePassword: row.s.mustChangePassword,
    permissions: permissionsOf(row.s.role),
  };
});

/** For pages: redirect to sign-in when signed out, 403 when the permission is missing. */
export async function requirePage(permission?: Permission): Promise<StaffSession> {
  const me = await currentStaff();
  if (!me) redirect("/login");
  if (permission && !roleCan(me.actor.role, permission)) forbidden();
  return me;
}
