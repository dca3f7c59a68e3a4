import type { DbOrTx } from "@/db/client";
import type { ProcedureSnapshot } from "@/db/schema/dossiers";
import {
  type OfficeHours,
  type WorkCalendar,
  addWorkingMinutes,
  computeDueAt,
  loadCalendar,
  loadOfficeHours,
  workingMinutesBetween,
} from "@/lib/calendar";

/** The working-time clock of one receiving unit: its calendar and office hours bound together. */
export interface DossierClock {
  /** The appointment for a procedure whose clock starts at `from`; null when the procedure publishes no time limit. */
  dueAt(
    from: Date,
    procedure: Pick<ProcedureSnapshot, "processingDays" | "processingHours" | "cutoffTime">,
  ): Date | null;
  workingMinutesBetween(from: Date, to: Date): number;
  addWorkingMinutes(from: Date, minutes: number): Date;
  /**
   * The instant one working day after `now` (the same clock time of the next working day): a due date at or before it
   * is "due soon".
   */
  dueSoonLimit(now: Date): Date;
}

export function makeClock(cal: WorkCalendar, hours: OfficeHours): DossierClock {
  return {
    dueAt(from, p) {
      if (p.processingDays == null && p.processingHours == null) return null;
      return computeDueAt(
        cal,
        hours,
        from,
        { workingDays: p.processingDays ?? 0, workingHours: p.processingHours ?? 0 },
        { cutoff: p.cutoffTime },
      );
    },
    workingMinutesBetween: (from, to) => workingMinutesBetween(cal, hours, from, to),
    addWorkingMinutes: (from, minutes) => addWorkingMinutes(cal, hours, from, minutes),
    // A working day is the next working day's same clock time (as for due dates), not 480 minutes of office time.
    dueSoonLimit: (now) => computeDueAt(cal, hours, now, { workingDays: 1 }),
  };
}

export async function loadClock(db: DbOrTx, unitId: number | null): Promise<DossierClock> {
  const [cal, hours] = await Promise.all([loadCalendar(db), loadOfficeHours(db, unitId)]);
  return makeClock(cal, hours);
}
