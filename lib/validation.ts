import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { cleanText } from "@/lib/text";

/** Parses input with zod; failures become one Vietnamese message per field. */
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

export const text = (label: string, max = 500) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .transform(cleanText)
    .pipe(z.string().min(1, `${label}: bắt buộc nhập.`).max(max, `${label}: tối đa ${max} ký tự.`));

export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .optional()
    .transform((v) => (v == null ? undefined : cleanText(v) || undefined))
    .pipe(z.string().max(max, `${label}: tối đa ${max} ký tự.`).optional());

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
