import { z } from "zod";
import { unitKinds } from "@/db/schema";
import { dayFromInput } from "@/lib/day-input";
import { checkbox, optionalText, text } from "@/lib/validation";

const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  // Decision 20/2020/QĐ-TTg: up to 35 characters of 0-9, A-Z and dots, containing a level-1 code such as H27 or G14.
  .regex(/^(?=.{3,35}$)[A-Z0-9]+(\.[A-Z0-9]+)+$/, "errors.staffSchema.unitCode")
  .refine((v) => /(^|\.)[A-Y]\d{2}(\.|$)/.test(v), "errors.staffSchema.unitCodeLevel1");

const dateString = z.preprocess(dayFromInput, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.staffSchema.date"));

export const unitInputSchema = z.object({
  name: text("errors.fields.unitName", 300),
  kind: z.enum(unitKinds, { error: "errors.staffSchema.unitKind" }),
  parentId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  address: optionalText("errors.fields.address", 500),
  hotline: optionalText("errors.fields.hotline", 50),
  code: z.preprocess((v) => (v === "" ? undefined : v), unitCodeSchema.optional()),
  codeValidFrom: z.preprocess((v) => (v === "" ? undefined : v), dateString.optional()),
});

export const unitUpdateSchema = unitInputSchema.extend({ id: z.coerce.number().int().positive(), active: checkbox });
