import { asc, eq, sql } from "drizzle-orm";
import { staff, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dbOf } from "@/lib/services/context";

const publicColumns = {
  id: staff.id,
  username: staff.username,
  fullName: staff.fullName,
  email: staff.email,
  phone: staff.phone,
  role: staff.role,
  unitId: staff.unitId,
  unitName: units.name,
  active: staff.active,
  lastLoginAt: staff.lastLoginAt,
};

export async function listStaff(ctx: Ctx) {
  requirePermission(ctx, "staff.manage");
  return dbOf(ctx)
    .select(publicColumns)
    .from(staff)
    .innerJoin(units, eq(units.id, staff.unitId))
    .where(inUnitScope(ctx, staff.unitId))
    .orderBy(asc(units.path), asc(staff.username));
}

export async function getStaffMember(ctx: Ctx, id: number) {
  requirePermission(ctx, "staff.manage");
  const [row] = await dbOf(ctx)
    .select(publicColumns)
    .from(staff)
    .innerJoin(units, eq(units.id, staff.unitId))
    .where(sql`${staff.id} = ${id} and ${inUnitScope(ctx, staff.unitId)}`);
  return row ?? null;
}
