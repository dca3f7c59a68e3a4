/**
 * Local-time arithmetic for Asia/Ho_Chi_Minh. Vietnam has used UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact for every date the portal handles and keeps these functions allocation-light.
 */
const UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = UTC_OFFSET_MINUTES * MINUTE_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a "yyyy-MM-dd" local date. Throws on malformed or impossible dates. */
export function dayNumber(localDate: string): number {
  const m = DATE_RE.exec(localDate);
  if (!m) throw new RangeError(`Ngày không hợp lệ: "${localDate}" (cần yyyy-MM-dd)`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Ngày không tồn tại: "${localDate}"`);
  }
  return ms / DAY_MS;
}

/** "yyyy-MM-dd" of a day number (days since 1970-01-01). */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True when the string is a real "yyyy-MM-dd" date. */
export function isLocalDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Adds calendar days to a "yyyy-MM-dd" date. */
export function addDays(localDate: string, days: number): string {
  return fromDayNumber(dayNumber(localDate) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekday(localDate: string): number {
  return weekdayOfDayNumber(dayNumber(localDate));
}

export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Minutes after midnight of "HH:MM". Throws on malformed input. */
export function parseHm(hm: string): number {
  const m = HM_RE.exec(hm);
  if (!m) throw new RangeError(`Giờ không hợp lệ: "${hm}" (cần HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Today's date in Viet Nam ("yyyy-MM-dd"): the one "today" every module uses. */
export function localToday(now: Date = new Date()): string {
  return toLocalDate(now);
}

/** The local date ("yyyy-MM-dd") of an instant. */
export function toLocalDate(instant: Date): string {
  return fromDayNumber(localDayNumber(instant));
}

/** Local day number of an instant. */
export function localDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of an instant. */
export function localMsOfDay(instant: Date): number {
  const local = instant.getTime() + OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant of a local day number plus minutes after local midnight. */
export function instantOf(day: number, minutesOfDay: number): Date {
  return new Date(day * DAY_MS + minutesOfDay * MINUTE_MS - OFFSET_MS);
}

/** The instant of a local "yyyy-MM-dd" and "HH:MM" (or minutes after midnight). */
export function localDateTime(localDate: string, time: string | number = 0): Date {
  return instantOf(dayNumber(localDate), typeof time === "number" ? time : parseHm(time));
}

/** Epoch milliseconds of a local day number at local midnight. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - OFFSET_MS;
}

/** "dd/MM/yyyy" for a "yyyy-MM-dd" date. */
export function formatLocalDate(localDate: string): string {
  const [y, m, d] = localDate.split("-");
  return `${d}/${m}/${y}`;
}

/** Parses "dd/MM/yyyy" (or "d/M/yyyy") into "yyyy-MM-dd"; null when it is not a real date. */
export function parseDisplayDate(value: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return isLocalDate(iso) ? iso : null;
}

const WEEKDAY_NAMES = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;

/** "Thứ Hai" … "Chủ nhật". */
export function weekdayName(localDate: string): string {
  return WEEKDAY_NAMES[weekday(localDate)];
}
