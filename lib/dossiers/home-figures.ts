import { count, eq, inArray, sql } from "drizzle-orm";
import { dossiers } from "@/db/schema";
import { type Ctx, can } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { computeDueAt, loadCalendar, loadOfficeHours } from "@/lib/calendar";
import { localDateTime, toLocalDate } from "@/lib/calendar/time";
import { dbOf } from "@/lib/services/context";
import { inProgressStatuses } from "./lifecycle";

export interface HomeFigures {
  /** "own": the dossiers the receptionist received; "unit": every dossier of the viewer's unit subtree. */
  scope: "own" | "unit";
  receivedToday: number;
  dueSoon: number;
  overdue: number;
  today: string;
}

/** Midnight that starts today in Vietnam, and today's date as yyyy-mm-dd. */
function vietnamToday(now: Date): { start: Date; iso: string } {
  const iso = toLocalDate(now);
  return { start: localDateTime(iso), iso };
}

/**
 * The home page's three figures: received today, in progress and due within the next two working days, overdue.
 * A receptionist counts the dossiers they received; a supervisor (or anyone else who reads dossiers) their unit
 * subtree. Null for roles that do not read dossiers.
 */
export async function homeFigures(ctx: Ctx): Promise<HomeFigures | null> {
  if (!can(ctx, "dossiers.read")) return null;
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const staffId = ctx.actor.kind === "staff" ? ctx.actor.id : null;
  const own = can(ctx, "dossiers.create") && staffId != null;
  const scope = own && staffId != null ? eq(dossiers.receivedById, staffId) : inUnitScope(ctx, dossiers.unitId);
  const [cal, hours] = await Promise.all([loadCalendar(db), loadOfficeHours(db, ctx.actor.unitId ?? null)]);
  const limit = computeDueAt(cal, hours, now, { workingDays: 2 });
  const { start, iso } = vietnamToday(now);
  const inProgress = inArray(dossiers.status, [...inProgressStatuses]);
  const [row] = await db
    .select({
      receivedToday: count(sql`case when ${dossiers.receivedAt} >= ${start.toISOString()}::timestamptz then 1 end`),
      dueSoon: count(
        sql`case when ${inProgress} and ${dossiers.dueAt} >= ${now.toISOString()}::timestamptz
          and ${dossiers.dueAt} <= ${limit.toISOString()}::timestamptz then 1 end`,
      ),
      overdue: count(sql`case when ${inProgress} and ${dossiers.dueAt} < ${now.toISOString()}::timestamptz then 1 end`),
    })
    .from(dossiers)
    .where(scope);
  return {
    scope: own ? "own" : "unit",
    receivedToday: row.receivedToday,
    dueSoon: row.dueSoon,
    overdue: row.overdue,
    today: iso,
  };
}
