import { and, asc, desc, eq, ilike, sql } from "drizzle-orm";
import { dossiers, homeSupportNotes, homeSupportRegistrations, staff, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { loadOfficeHours } from "@/lib/calendar";
import { dbOf } from "@/lib/services/context";
import { foldForSearch } from "@/lib/text";
import { parseInput } from "@/lib/validation";
import { listQuerySchema } from "./schemas";

export { homeSupportStatuses } from "@/db/schema";

const PAGE_SIZE = 50;
const r = homeSupportRegistrations;

/**
 * The caller's units' registrations, soonest appointment first; search ignores diacritics (code, name, phone,
 * procedure).
 */
export async function listRegistrations(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "homesupport.read");
  const q = parseInput(listQuerySchema, raw);
  const folded = q.q ? foldForSearch(q.q).replace(/[\\%_]/g, (c) => `\\${c}`) : null;
  const where = and(
    inUnitScope(ctx, r.unitId),
    q.status ? eq(r.status, q.status) : undefined,
    q.date ? eq(r.slotDate, q.date) : undefined,
    folded ? ilike(r.searchText, `%${folded}%`) : undefined,
  );
  const db = dbOf(ctx);
  const rows = await db
    .select({
      id: r.id,
      code: r.code,
      citizenName: r.citizenName,
      phone84: r.phone84,
      procedureText: r.procedureText,
      slotDate: r.slotDate,
      slot: r.slot,
      status: r.status,
      unitName: units.name,
      assigneeName: staff.fullName,
      dossierId: r.dossierId,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(units, eq(units.id, r.unitId))
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(where)
    .orderBy(
      sql`case when ${r.status} in ('new', 'verified', 'contacted', 'scheduled') then 0 else 1 end`,
      asc(r.slotDate),
      asc(r.slot),
      desc(r.id),
    )
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(r)
    .where(where);
  return { query: q, rows, total };
}

/**
 * One registration in the caller's scope with its notes, linked dossier and the unit's staff (for assignment); null
 * otherwise.
 */
export async function getRegistration(ctx: Ctx, id: number) {
  requirePermission(ctx, "homesupport.read");
  const db = dbOf(ctx);
  const [row] = await db
    .select({ reg: r, unitName: units.name, assigneeName: staff.fullName })
    .from(r)
    .innerJoin(units, eq(units.id, r.unitId))
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(and(eq(r.id, id), inUnitScope(ctx, r.unitId)));
  if (!row) return null;
  const notes = await db
    .select({ note: homeSupportNotes, staffName: staff.fullName })
    .from(homeSupportNotes)
    .leftJoin(staff, eq(staff.id, homeSupportNotes.staffId))
    .where(eq(homeSupportNotes.registrationId, id))
    .orderBy(desc(homeSupportNotes.createdAt), desc(homeSupportNotes.id));
  const [dossier] = row.reg.dossierId
    ? await db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, row.reg.dossierId))
    : [];
  const colleagues = await db
    .select({ id: staff.id, fullName: staff.fullName })
    .from(staff)
    .where(and(eq(staff.unitId, row.reg.unitId), eq(staff.active, true)))
    .orderBy(asc(staff.fullName));
  const hours = await loadOfficeHours(db, row.reg.unitId);
  const slotHours = row.reg.slot === "morning" ? hours.morning : hours.afternoon;
  return {
    ...row.reg,
    unitName: row.unitName,
    assigneeName: row.assigneeName,
    notes,
    dossierCode: dossier?.code ?? null,
    colleagues,
    slotHours,
  };
}
