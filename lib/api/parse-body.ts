import type { z } from "zod";
import { ApiProblem } from "./problem";

/** Checks a request body against its API shape; each wrong field is named by its JSON path ("submitter.phone"). */
export function parseApiBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const errors = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "_body";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  throw new ApiProblem(422, "validation", "Dữ liệu không hợp lệ", "Dữ liệu chưa hợp lệ. Xem danh sách errors theo từng trường.", {}, errors);
}
