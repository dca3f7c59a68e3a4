/**
 * Working time in Asia/Ho_Chi_Minh (UTC+7): the yearly calendar (days off on weekdays, make-up weekend
 * days), office hours, due dates and pause arithmetic. Everything here is pure except load.ts, which
 * reads the calendar tables. The admin service verbs live in ./admin and are not exported from here.
 *
 * Units: 1 working day = 8 working hours, and a whole day lands on the same clock time of the next
 * working day; remainders run through office periods only (see computeDueAt). Office hours with
 * Saturday morning open the counter on Saturdays but do not extend the processing clock.
 */
export {
  type WorkCalendar,
  type OfficeHours,
  DEFAULT_OFFICE_HOURS,
  WEEKENDS_ONLY,
  makeCalendar,
  isWorkingDay,
  isOfficeOpen,
  nextWorkingDay,
  processingStart,
  computeDueAt,
  workingMinutesBetween,
  addWorkingMinutes,
} from "./working-time";
export { toLocalDate, localDateTime, formatLocalDate, weekdayName } from "./time";
export { loadCalendar, loadOfficeHours } from "./load";
