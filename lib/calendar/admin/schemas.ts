import { z } from "zod";
import { calendarDayKinds } from "@/db/schema/calendar";
import { msg, ref } from "@/lib/i18n/translate";
import { checkbox, optionalText, text } from "@/lib/validation";
import { isLocalDate, parseDisplayDate, weekday } from "../time";

const E = "errors.calendarSchema";

/** A date typed as dd/MM/yyyy (the UI) or yyyy-MM-dd (the API, hidden fields); stored as yyyy-MM-dd. */
const localDateInput = z
  .string({ error: `${E}.dateRequired` })
  .trim()
  .transform((v, ctx) => {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? (isLocalDate(v) ? v : null) : parseDisplayDate(v);
    if (!iso) {
      ctx.addIssue({ code: "custom", message: `${E}.date` });
      return z.NEVER;
    }
    return iso;
  });

const id = z.coerce
  .number({ error: `${E}.id` })
  .int()
  .positive(`${E}.id`);

const calendarDayFields = z.object({
  date: localDateInput,
  kind: z.enum(calendarDayKinds, { error: `${E}.kind` }),
  name: text("errors.fields.dayName", 200),
  sourceNote: optionalText("errors.fields.sourceNote", 500),
  confirmed: checkbox,
});

function checkKindAgainstWeekday(v: { date: string; kind: string }, ctx: z.RefinementCtx) {
  const wd = weekday(v.date);
  const weekend = wd === 0 || wd === 6;
  if (v.kind === "makeup_working_day" && !weekend) {
    ctx.addIssue({ code: "custom", path: ["kind"], message: `${E}.makeupOnWeekend` });
  }
  if (v.kind === "compensatory_day_off" && weekend) {
    ctx.addIssue({
      code: "custom",
      path: ["kind"],
      message: `${E}.dayOffOnWeekday`,
    });
  }
}

export const calendarDayInputSchema = calendarDayFields.superRefine(checkKindAgainstWeekday);

export const calendarDayUpdateSchema = calendarDayFields.extend({ id }).superRefine(checkKindAgainstWeekday);
export const calendarDayIdSchema = z.object({ id });

export const yearSchema = z.coerce
  .number({ error: `${E}.year` })
  .int(`${E}.year`)
  .min(2000, `${E}.yearRange`)
  .max(2200, `${E}.yearRange`);

export const addProposalsSchema = z.object({
  year: yearSchema,
  dates: z.preprocess(
    (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
    z.array(localDateInput).min(1, `${E}.datesRequired`),
  ),
  confirm: checkbox,
});

const hm = (label: string) => {
  const values = { label: ref(`${E}.labels.${label}`) };
  return z
    .string({ error: msg("errors.field.required", values) })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg(`${E}.time`, values));
};

export const officeHoursInputSchema = z
  .object({
    unitId: z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable()),
    morningStart: hm("morningStart"),
    morningEnd: hm("morningEnd"),
    afternoonStart: hm("afternoonStart"),
    afternoonEnd: hm("afternoonEnd"),
    saturdayMorning: checkbox,
  })
  .superRefine((v, ctx) => {
    // "HH:MM" strings order like the times they stand for.
    if (v.morningStart >= v.morningEnd)
      ctx.addIssue({ code: "custom", path: ["morningEnd"], message: `${E}.morningOrder` });
    if (v.afternoonStart >= v.afternoonEnd)
      ctx.addIssue({ code: "custom", path: ["afternoonEnd"], message: `${E}.afternoonOrder` });
    if (v.morningEnd > v.afternoonStart)
      ctx.addIssue({
        code: "custom",
        path: ["afternoonStart"],
        message: `${E}.afternoonAfterMorning`,
      });
  });

export const officeHoursUnitSchema = z.object({ unitId: id });
