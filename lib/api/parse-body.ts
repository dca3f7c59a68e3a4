import type { z } from "zod";
import { ApiProblem, type FieldProblem } from "./problem";

/** Each wrong field once, named by its JSON path ("submitter.phone"). */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const errors: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_body";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

export function validationProblem(errors: FieldProblem[]): ApiProblem {
  return new ApiProblem(422, "validation", "errors.api.validationTitle", "errors.api.validationDetail", {}, errors);
}

/** Checks a request body against its API shape. */
export function parseApiBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationProblem(fieldProblems(result.error));
}
