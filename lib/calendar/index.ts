export {
  type WorkCalendar,
  type OfficeHours,
  DEFAULT_OFFICE_HOURS,
  MINUTES_PER_WORKING_DAY,
  WEEKENDS_ONLY,
  makeCalendar,
  compileOfficeHours,
  isWorkingDay,
  isOfficeOpen,
  nextWorkingDay,
  processingStart,
  computeDueAt,
  workingMinutesBetween,
  addWorkingMinutes,
} from "./working-time";
export {
  type HolidayProposal,
  type CompensatoryProposal,
  LUNAR_YEAR_RANGE,
  proposeLunarHolidays,
  proposeCompensatoryDays,
  proposeYear,
  tetDate,
  hungKingsDate,
  lunarYearName,
  vietnameseLunarToSolar,
} from "./lunar";
export {
  CALENDAR_TIME_ZONE,
  toLocalDate,
  localDateTime,
  formatLocalDate,
  parseDisplayDate,
  weekdayName,
  addDays,
  isLocalDate,
} from "./time";
export { loadCalendar, loadOfficeHours } from "./load";
