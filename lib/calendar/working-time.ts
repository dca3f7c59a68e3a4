import {
  dayNumber,
  dayStartMs,
  fromDayNumber,
  localDayNumber,
  localMsOfDay,
  parseHm,
  weekdayOfDayNumber,
} from "./time";

/**
 * The confirmed calendar: local dates ("yyyy-MM-dd") that are off although they fall Monday–Friday
 * (holidays, compensatory days off) and weekend dates that are worked (make-up days, "làm bù").
 * A date in both sets is off.
 */
export interface WorkCalendar {
  daysOff: ReadonlySet<string>;
  workingWeekendDays: ReadonlySet<string>;
}

/**
 * Office hours of a receiving point, "HH:MM" local time. `saturdayMorning` opens the counter on
 * ordinary Saturday mornings (morning window) for receiving and returning dossiers; it does not make
 * Saturday a working day of the processing clock (see computeDueAt).
 */
export interface OfficeHours {
  morning: [string, string];
  afternoon: [string, string];
  saturdayMorning: boolean;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  morning: ["07:30", "11:30"] as [string, string],
  afternoon: ["13:30", "17:00"] as [string, string],
  saturdayMorning: false,
});

/** A working day of the processing clock lasts 8 working hours (0.5 day = 4 hours). */
const MINUTES_PER_WORKING_DAY = 8 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** No real calendar has ten years without a working day; this only stops a corrupt one looping forever. */
const MAX_SCAN_DAYS = 3660;

interface Schedule {
  /** Working periods of a working day in ms after local midnight, in order. */
  periods: readonly [number, number][];
  open: number;
  close: number;
}

/** Parses and checks office hours; throws RangeError with a Vietnamese message when they make no sense. */
function compileOfficeHours(hours: OfficeHours): Schedule {
  const [ms, me] = hours.morning.map(parseHm);
  const [as, ae] = hours.afternoon.map(parseHm);
  if (!(ms < me)) throw new RangeError("Giờ làm việc buổi sáng: giờ bắt đầu phải trước giờ kết thúc.");
  if (!(as < ae)) throw new RangeError("Giờ làm việc buổi chiều: giờ bắt đầu phải trước giờ kết thúc.");
  if (!(me <= as)) throw new RangeError("Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.");
  return {
    periods: [
      [ms * MINUTE_MS, me * MINUTE_MS],
      [as * MINUTE_MS, ae * MINUTE_MS],
    ],
    open: ms * MINUTE_MS,
    close: ae * MINUTE_MS,
  };
}

/** A full working day: Monday–Friday not declared off, or a declared make-up weekend day. */
function isFullWorkingDayNumber(cal: WorkCalendar, day: number): boolean {
  const date = fromDayNumber(day);
  if (cal.daysOff.has(date)) return false;
  if (cal.workingWeekendDays.has(date)) return true;
  const wd = weekdayOfDayNumber(day);
  return wd >= 1 && wd <= 5;
}

/**
 * Whether the office works on a local date: Monday–Friday unless declared off, make-up weekend days,
 * and — when `hours.saturdayMorning` — ordinary Saturdays that are not declared off.
 */
export function isWorkingDay(cal: WorkCalendar, localDate: string, hours?: OfficeHours): boolean {
  const day = dayNumber(localDate);
  if (isFullWorkingDayNumber(cal, day)) return true;
  return !!hours?.saturdayMorning && weekdayOfDayNumber(day) === 6 && !cal.daysOff.has(localDate);
}

/** Whether the counter is open at an instant (Saturday morning counts when enabled). */
export function isOfficeOpen(cal: WorkCalendar, hours: OfficeHours, at: Date): boolean {
  const sched = compileOfficeHours(hours);
  const day = localDayNumber(at);
  const tod = localMsOfDay(at);
  if (isFullWorkingDayNumber(cal, day)) return sched.periods.some(([s, e]) => tod >= s && tod < e);
  const [ms, me] = sched.periods[0];
  return isWorkingDay(cal, fromDayNumber(day), hours) && tod >= ms && tod < me;
}

function nextFullWorkingDay(cal: WorkCalendar, day: number): number {
  for (let d = day + 1, n = 0; n < MAX_SCAN_DAYS; d++, n++) {
    if (isFullWorkingDayNumber(cal, d)) return d;
  }
  throw new RangeError("Lịch làm việc không có ngày làm việc nào trong 10 năm tới.");
}

function previousFullWorkingDay(cal: WorkCalendar, day: number): number {
  for (let d = day - 1, n = 0; n < MAX_SCAN_DAYS; d--, n++) {
    if (isFullWorkingDayNumber(cal, d)) return d;
  }
  throw new RangeError("Lịch làm việc không có ngày làm việc nào trong 10 năm trước.");
}

/** The next working day ("yyyy-MM-dd", Monday–Friday or make-up day) strictly after a local date. */
export function nextWorkingDay(cal: WorkCalendar, localDate: string): string {
  return fromDayNumber(nextFullWorkingDay(cal, dayNumber(localDate)));
}

interface Position {
  day: number;
  /** ms after local midnight */
  tod: number;
}

/**
 * Where the processing clock starts for a dossier received at `receivedAt`: the same instant when it
 * is inside a working period of a working day and not after the cut-off; the start of the afternoon
 * when received during the lunch break (or before the morning opening: the opening); otherwise the
 * opening of the next working day.
 */
function processingStartPosition(
  cal: WorkCalendar,
  sched: Schedule,
  receivedAt: Date,
  cutoff?: string | null,
): Position {
  const day = localDayNumber(receivedAt);
  const tod = localMsOfDay(receivedAt);
  const nextMorning = (): Position => ({ day: nextFullWorkingDay(cal, day), tod: sched.open });
  if (!isFullWorkingDayNumber(cal, day)) return nextMorning();
  if (cutoff != null && cutoff !== "" && tod > parseHm(cutoff) * MINUTE_MS) return nextMorning();
  for (const [s, e] of sched.periods) {
    if (tod < s) return { day, tod: s };
    if (tod < e) return { day, tod };
  }
  return nextMorning();
}

function instantAt(p: Position): Date {
  return new Date(dayStartMs(p.day) + p.tod);
}

/** The instant the processing clock starts for a dossier received at `receivedAt` (see computeDueAt). */
export function processingStart(
  cal: WorkCalendar,
  hours: OfficeHours,
  receivedAt: Date,
  opts?: { cutoff?: string | null },
): Date {
  return instantAt(processingStartPosition(cal, compileOfficeHours(hours), receivedAt, opts?.cutoff));
}

/**
 * Due date (ngày hẹn trả) of a dossier received at `receivedAt`.
 *
 * - The clock starts at processingStart: after the cut-off (e.g. "15:00", compared strictly: 15:00:00
 *   is on time), after closing, on a weekend or a day off, it starts at the next working day's opening;
 *   during lunch, at the start of the afternoon. Saturday-morning counters receive on Saturdays, but
 *   such dossiers start on the next working day (the processing week is Monday–Friday plus make-up days).
 * - The duration is `workingDays * 8 + workingHours` working hours. Each whole 8 hours is one working
 *   day and lands on the same clock time of the next working day (a 1-day procedure received Monday
 *   09:09 is due Tuesday 09:09); the remainder (e.g. 0.5 day = 4 hours) runs through office periods
 *   only. Weekends, days off and lunch breaks do not count; make-up days do.
 * - A due time never sits at the opening of a period: it is written as the end of the previous one
 *   (1 day from Monday 07:30 is Monday 17:00, not Tuesday 07:30), so the due date is the last working
 *   day of the period (Civil Code art. 148).
 * - A zero duration (a same-day procedure) is due at the closing time of the day the clock starts, so
 *   a same-day dossier received after the cut-off is returned the next working day.
 */
export function computeDueAt(
  cal: WorkCalendar,
  hours: OfficeHours,
  receivedAt: Date,
  duration: { workingDays?: number; workingHours?: number },
  opts?: { cutoff?: string | null },
): Date {
  const sched = compileOfficeHours(hours);
  const totalHours = (duration.workingDays ?? 0) * 8 + (duration.workingHours ?? 0);
  if (!Number.isFinite(totalHours) || totalHours < 0) {
    throw new RangeError("Thời hạn giải quyết phải là số không âm.");
  }
  const totalMinutes = Math.round(totalHours * 60);
  const start = processingStartPosition(cal, sched, receivedAt, opts?.cutoff);
  if (totalMinutes === 0) return instantAt({ day: start.day, tod: sched.close });

  const wholeDays = Math.floor(totalMinutes / MINUTES_PER_WORKING_DAY);
  const rest = totalMinutes - wholeDays * MINUTES_PER_WORKING_DAY;
  let day = start.day;
  for (let i = 0; i < wholeDays; i++) day = nextFullWorkingDay(cal, day);
  const landed: Position = { day, tod: start.tod };
  if (rest > 0) return new Date(addForward(cal, sched, landed, rest * MINUTE_MS));
  return instantAt(endOfPreviousPeriodIfAtStart(cal, sched, landed));
}

function endOfPreviousPeriodIfAtStart(cal: WorkCalendar, sched: Schedule, p: Position): Position {
  const idx = sched.periods.findIndex(([s]) => s === p.tod);
  if (idx < 0) return p;
  if (idx > 0) return { day: p.day, tod: sched.periods[idx - 1][1] };
  return { day: previousFullWorkingDay(cal, p.day), tod: sched.close };
}

/** Forward walk through working periods; an exact fit ends at the end of a period. */
function addForward(cal: WorkCalendar, sched: Schedule, from: Position, ms: number): number {
  let { day, tod } = from;
  for (let n = 0; n < MAX_SCAN_DAYS * 2; n++) {
    if (isFullWorkingDayNumber(cal, day)) {
      for (const [s, e] of sched.periods) {
        if (tod >= e) continue;
        const begin = Math.max(tod, s);
        const available = e - begin;
        if (ms <= available) return dayStartMs(day) + begin + ms;
        ms -= available;
        tod = e;
      }
    }
    day += 1;
    tod = 0;
  }
  throw new RangeError("Thời hạn quá dài so với lịch làm việc.");
}

/** Backward walk through working periods; an exact fit ends at the start of a period. */
function addBackward(cal: WorkCalendar, sched: Schedule, from: Position, ms: number): number {
  let { day, tod } = from;
  for (let n = 0; n < MAX_SCAN_DAYS * 2; n++) {
    if (isFullWorkingDayNumber(cal, day)) {
      for (let i = sched.periods.length - 1; i >= 0; i--) {
        const [s, e] = sched.periods[i];
        if (tod <= s) continue;
        const end = Math.min(tod, e);
        const available = end - s;
        if (ms <= available) return dayStartMs(day) + end - ms;
        ms -= available;
        tod = s;
      }
    }
    day -= 1;
    tod = DAY_MS;
  }
  throw new RangeError("Thời hạn quá dài so với lịch làm việc.");
}

/**
 * Working minutes between two instants: the overlap of [from, to) with the office periods of working
 * days (the processing clock of computeDueAt). Negative when `to` is before `from`. Rounded to whole
 * minutes.
 */
export function workingMinutesBetween(cal: WorkCalendar, hours: OfficeHours, from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return -workingMinutesBetween(cal, hours, to, from);
  const sched = compileOfficeHours(hours);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  let total = 0;
  for (let day = localDayNumber(from), last = localDayNumber(to); day <= last; day++) {
    if (!isFullWorkingDayNumber(cal, day)) continue;
    const base = dayStartMs(day);
    for (const [s, e] of sched.periods) {
      const begin = Math.max(base + s, fromMs);
      const end = Math.min(base + e, toMs);
      if (end > begin) total += end - begin;
    }
  }
  return Math.round(total / MINUTE_MS);
}

/**
 * The instant `minutes` working minutes after `from` (before it when negative), counting only office
 * periods of working days. From outside office time the walk starts at the next (previous) period. An
 * exact fit ends at the end of a period (the start, going backward). Zero returns `from` unchanged.
 * Used to move a due date by the working time a dossier spent paused: new due = addWorkingMinutes(old
 * due, workingMinutesBetween(paused, resumed)).
 */
export function addWorkingMinutes(cal: WorkCalendar, hours: OfficeHours, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes)) throw new RangeError("Số phút không hợp lệ.");
  if (minutes === 0) return new Date(from.getTime());
  const sched = compileOfficeHours(hours);
  const position = { day: localDayNumber(from), tod: localMsOfDay(from) };
  const ms = Math.abs(minutes) * MINUTE_MS;
  return new Date(minutes > 0 ? addForward(cal, sched, position, ms) : addBackward(cal, sched, position, ms));
}

/** An empty calendar: weekends only. */
export const WEEKENDS_ONLY: WorkCalendar = Object.freeze({
  daysOff: new Set<string>(),
  workingWeekendDays: new Set<string>(),
});

/** Builds a calendar from plain lists (tests, seeds, previews). */
export function makeCalendar(daysOff: Iterable<string> = [], workingWeekendDays: Iterable<string> = []): WorkCalendar {
  return { daysOff: new Set(daysOff), workingWeekendDays: new Set(workingWeekendDays) };
}
