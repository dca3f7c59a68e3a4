import { z } from "zod";
import { calendarDayKinds } from "@/db/schema/calendar";
import { checkbox, optionalText, text } from "@/lib/validation";
import { isLocalDate, parseDisplayDate, weekday } from "../time";

/** A date typed as dd/MM/yyyy (the UI) or yyyy-MM-dd (the API, hidden fields); stored as yyyy-MM-dd. */
const localDateInput = z
  .string({ error: "Ngày: bắt buộc nhập." })
  .trim()
  .transform((v, ctx) => {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? (isLocalDate(v) ? v : null) : parseDisplayDate(v);
    if (!iso) {
      ctx.addIssue({ code: "custom", message: "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy)." });
      return z.NEVER;
    }
    return iso;
  });

const id = z.coerce.number({ error: "Mã không hợp lệ." }).int().positive("Mã không hợp lệ.");

const calendarDayFields = z.object({
  date: localDateInput,
  kind: z.enum(calendarDayKinds, { error: "Loại ngày không hợp lệ." }),
  name: text("errors.fields.dayName", 200),
  sourceNote: optionalText("errors.fields.sourceNote", 500),
  confirmed: checkbox,
});

function checkKindAgainstWeekday(v: { date: string; kind: string }, ctx: z.RefinementCtx) {
  const wd = weekday(v.date);
  const weekend = wd === 0 || wd === 6;
  if (v.kind === "makeup_working_day" && !weekend) {
    ctx.addIssue({ code: "custom", path: ["kind"], message: "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật." });
  }
  if (v.kind === "compensatory_day_off" && weekend) {
    ctx.addIssue({
      code: "custom",
      path: ["kind"],
      message: "Ngày nghỉ bù, hoán đổi phải là ngày từ thứ Hai đến thứ Sáu.",
    });
  }
}

export const calendarDayInputSchema = calendarDayFields.superRefine(checkKindAgainstWeekday);

export const calendarDayUpdateSchema = calendarDayFields.extend({ id }).superRefine(checkKindAgainstWeekday);
export const calendarDayIdSchema = z.object({ id });

export const yearSchema = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(2000, "Năm phải từ 2000 đến 2200.")
  .max(2200, "Năm phải từ 2000 đến 2200.");

export const addProposalsSchema = z.object({
  year: yearSchema,
  dates: z.preprocess(
    (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
    z.array(localDateInput).min(1, "Chọn ít nhất một ngày."),
  ),
  confirm: checkbox,
});

const hm = (label: string) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: nhập giờ theo dạng HH:MM (ví dụ 07:30).`);

export const officeHoursInputSchema = z
  .object({
    unitId: z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable()),
    morningStart: hm("Giờ bắt đầu buổi sáng"),
    morningEnd: hm("Giờ kết thúc buổi sáng"),
    afternoonStart: hm("Giờ bắt đầu buổi chiều"),
    afternoonEnd: hm("Giờ kết thúc buổi chiều"),
    saturdayMorning: checkbox,
  })
  .superRefine((v, ctx) => {
    // "HH:MM" strings order like the times they stand for.
    if (v.morningStart >= v.morningEnd)
      ctx.addIssue({ code: "custom", path: ["morningEnd"], message: "Buổi sáng phải kết thúc sau giờ bắt đầu." });
    if (v.afternoonStart >= v.afternoonEnd)
      ctx.addIssue({ code: "custom", path: ["afternoonEnd"], message: "Buổi chiều phải kết thúc sau giờ bắt đầu." });
    if (v.morningEnd > v.afternoonStart)
      ctx.addIssue({
        code: "custom",
        path: ["afternoonStart"],
        message: "Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.",
      });
  });

export const officeHoursUnitSchema = z.object({ unitId: id });
