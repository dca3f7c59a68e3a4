import { z } from "zod";
import { ratingLevels } from "@/db/schema";
import { optionalText } from "@/lib/validation";

const level = z.enum(ratingLevels, { error: "errors.dossierSchema.ratingLevel" });

/** What a citizen sends on the web page or the counter device; criteria arrive as `criteria.<key>` form fields. */
export const ratingInputSchema = z.object({
  code: z.string().trim().min(1, "errors.dossierSchema.codeRequired").max(60),
  level,
  criteria: z.record(z.string().max(40), z.enum(ratingLevels)).default({}),
  comment: optionalText("errors.fields.comment", 1000),
});

/** FormData's flat "criteria.convenience" fields → { criteria: { convenience } }; empty choices are left out. */
export function ratingFormToInput(raw: Record<string, unknown>): Record<string, unknown> {
  const criteria: Record<string, unknown> = {};
  const out: Record<string, unknown> = { criteria };
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith("criteria.")) {
      if (v) criteria[k.slice("criteria.".length)] = v;
    } else out[k] = v;
  }
  return out;
}
