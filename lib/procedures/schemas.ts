import { z } from "zod";
import { deliveryMethods, procedureLevels, supplementClockModes } from "@/db/schema";
import { checkbox, optionalText, text } from "@/lib/validation";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** National TTHC code, optionally with the localised suffix of the national portal ("1.004873.000.00.00.H01"). */
const procedureCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/, "errors.procedureSchema.code");

/** Accepts "0,5" as typed on a Vietnamese keyboard as well as "0.5". */
const decimalInput = (v: unknown) => (typeof v === "string" ? v.trim().replace(",", ".") : v);

const processingDaysSchema = z.preprocess(
  (v) => blankToUndefined(decimalInput(v)),
  z.coerce
    .number({ error: "errors.procedureSchema.daysNumber" })
    .min(0, "errors.procedureSchema.daysNegative")
    .max(9999, "errors.procedureSchema.daysMax")
    .refine((n) => Number.isInteger(n * 2), "errors.procedureSchema.daysHalf")
    .optional(),
);

const processingHoursSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "errors.procedureSchema.hoursInteger" })
    .int("errors.procedureSchema.hoursInteger")
    .min(0, "errors.procedureSchema.hoursNegative")
    .max(9999, "errors.procedureSchema.hoursMax")
    .optional(),
);

/** Amounts are typed the Vietnamese way ("1.000.000 đ"): dots and spaces group thousands. */
const feeAmountSchema = z.preprocess(
  (v) => blankToUndefined(typeof v === "string" ? v.replace(/[.\s]|đ|đồng/gi, "") : v),
  z.coerce
    .number({ error: "errors.procedureSchema.amountInteger" })
    .int("errors.procedureSchema.amountInteger")
    .min(0, "errors.procedureSchema.amountNegative")
    .max(2_000_000_000, "errors.procedureSchema.amountTooBig")
    .optional(),
);

const componentSchema = z.object({
  name: text("errors.fields.componentName", 500),
  copies: z.coerce
    .number({ error: "errors.procedureSchema.copiesInteger" })
    .int("errors.procedureSchema.copiesInteger")
    .min(1, "errors.procedureSchema.copiesMin")
    .max(99, "errors.procedureSchema.copiesMax"),
  original: z.preprocess((v) => (v === undefined || v === "" ? undefined : v), checkbox.optional()),
});

const asArray = (v: unknown): unknown[] => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/**
 * The form posts components as parallel fields (componentName, componentCopies, componentOriginal — one per row),
 * which works without JavaScript; programmatic callers pass `components` as an array. Rows with no name are dropped.
 */
function componentsFrom(raw: Record<string, unknown>): unknown {
  if (raw.components !== undefined) return raw.components;
  const names = asArray(raw.componentName);
  const copies = asArray(raw.componentCopies);
  const originals = asArray(raw.componentOriginal);
  return names
    .map((name, i) => ({
      name,
      copies: copies[i] === "" || copies[i] == null ? 1 : copies[i],
      original: originals[i] === "1" || originals[i] === "on",
    }))
    .filter((c) => typeof c.name === "string" && c.name.trim() !== "");
}

const procedureFields = z
  .object({
    code: z.preprocess(blankToUndefined, procedureCodeSchema.optional()),
    name: text("errors.fields.procedureName", 500),
    field: text("errors.fields.field", 200),
    sector: optionalText("errors.fields.sector", 200),
    level: z.preprocess(
      blankToUndefined,
      z.enum(procedureLevels, { error: "errors.procedureSchema.level" }).optional(),
    ),
    agency: optionalText("errors.fields.agency", 500),
    unitId: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "errors.procedureSchema.unitRequired" })
        .int()
        .positive("errors.procedureSchema.unitRequired")
        .optional(),
    ),
    processingDays: processingDaysSchema,
    processingHours: processingHoursSchema,
    processingNote: optionalText("errors.fields.processingNote", 2000),
    feeText: optionalText("errors.fields.feeText", 1000),
    feeAmount: feeAmountSchema,
    components: z
      .array(componentSchema, { error: "errors.procedureSchema.components" })
      .max(50, "errors.procedureSchema.tooManyComponents"),
    deliveryMethods: z.preprocess(
      (v) => asArray(v).filter((x) => x !== ""),
      z
        .array(z.enum(deliveryMethods, { error: "errors.procedureSchema.delivery" }))
        .min(1, "errors.procedureSchema.deliveryRequired")
        .transform((v) => [...new Set(v)]),
    ),
    cutoffTime: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errors.procedureSchema.cutoff")
        .optional(),
    ),
    supplementClock: z.preprocess(
      (v) => blankToUndefined(v) ?? "pause",
      z.enum(supplementClockModes, { error: "errors.procedureSchema.supplementMode" }),
    ),
  })
  .refine((v) => v.processingDays === undefined || v.processingHours === undefined, {
    path: ["processingHours"],
    message: "errors.procedureSchema.daysOrHours",
  });

const withComponents = (raw: unknown) => {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  // The form always posts an empty deliveryMethods marker, so only programmatic callers get the default.
  return { ...r, components: componentsFrom(r), deliveryMethods: r.deliveryMethods ?? ["counter"] };
};

export const procedureCreateSchema = z.preprocess(withComponents, procedureFields);
export type ProcedureInput = z.infer<typeof procedureCreateSchema>;

const idSchema = z.coerce
  .number({ error: "errors.procedureSchema.codeMissing" })
  .int()
  .positive("errors.procedureSchema.codeMissing");

export const procedureUpdateSchema = z.preprocess(
  withComponents,
  z.intersection(procedureFields, z.object({ id: idSchema })),
);

export const procedureRetireSchema = z.object({
  id: idSchema,
  reason: optionalText("errors.fields.retireReason", 1000),
});

export const procedureReactivateSchema = z.object({ id: idSchema });

export const procedureListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(200).optional(),
  status: z.enum(["active", "retired", "all"]).default("active"),
});
export type ProcedureListQuery = z.infer<typeof procedureListQuerySchema>;
