import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { msg, ref } from "@/lib/i18n/translate";
import { cleanText } from "@/lib/text";

// Issues a schema leaves without a message get a catalogue key too, never zod's English sentence.
z.config({
  customError: (iss) => {
    if (iss.code === "too_big") return msg("errors.zod.tooBig", { max: String(iss.maximum) });
    if (iss.code === "too_small") return msg("errors.zod.tooSmall", { min: String(iss.minimum) });
    return iss.code === "invalid_type" && iss.input === undefined ? "errors.zod.required" : "errors.zod.invalid";
  },
});

/** Parses input with zod; failures become one catalogue key per field (translated where the locale is known). */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  throw new ValidationError(fieldErrors);
}

/** FormData → plain object; repeated names become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

const required = (label: string) => msg("errors.field.required", { label: ref(label) });
const tooLong = (label: string, max: number) => msg("errors.field.tooLong", { label: ref(label), max: String(max) });

/** `label` is the catalogue key of the field's name. */
export const text = (label: string, max = 500) =>
  z
    .string({ error: required(label) })
    .transform(cleanText)
    .pipe(z.string().min(1, required(label)).max(max, tooLong(label, max)));

export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .optional()
    .transform((v) => (v == null ? undefined : cleanText(v) || undefined))
    .pipe(z.string().max(max, tooLong(label, max)).optional());

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
