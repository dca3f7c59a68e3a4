import { receiveDossier } from "@/lib/dossiers/receive";
import { intakeSchema } from "@/lib/dossiers/schemas";
import type { ApiCaller } from "./authenticate";
import { type ApiIntake, apiIntakeSchema } from "./dossier-schemas";
import type { ApiAnswer } from "./idempotency";
import { fieldProblems, validationProblem } from "./parse-body";
import type { FieldMap, FieldProblem } from "./problem";

const personFields = ["Name", "IdNumber", "Phone", "Email", "Address"] as const;

/** The nested API body → the flat input the intake form sends to the same service verb. */
function intakeInput(body: ApiIntake): Record<string, unknown> {
  const { submitter, owner, ...rest } = body;
  const flat: Record<string, unknown> = { ...rest, ownerSameAsSubmitter: owner == null };
  for (const f of personFields) {
    const key = (f[0].toLowerCase() + f.slice(1)) as Uncapitalize<typeof f>;
    flat[`submitter${f}`] = submitter?.[key] ?? undefined;
    if (owner) flat[`owner${f}`] = owner[key] ?? undefined;
  }
  return flat;
}

/** Service field names → JSON paths of the request: "submitterPhone" → "submitter.phone". */
export const intakeFieldMap: FieldMap = (field) => {
  const person = field.match(/^(submitter|owner)(Name|IdNumber|Phone|Email|Address)$/);
  if (person) return `${person[1]}.${person[2][0].toLowerCase()}${person[2].slice(1)}`;
  if (field === "procedureId") return "procedureCode";
  if (field === "ownerSameAsSubmitter") return "owner";
  return field;
};

/**
 * A body with wrong types still gets the intake rules checked on its other fields, so the client
 * sees every field error at once rather than one round of corrections per kind of mistake.
 */
function everyFieldError(typeErrors: FieldProblem[], body: unknown): FieldProblem[] {
  const rest = structuredClone(body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  for (const { field } of typeErrors) dropPath(rest, field.split("."));
  if (rest.submitter !== undefined && (typeof rest.submitter !== "object" || rest.submitter === null))
    delete rest.submitter;
  if (rest.owner !== undefined && (typeof rest.owner !== "object" || rest.owner === null)) delete rest.owner;
  const rules = intakeSchema.safeParse(intakeInput(rest as unknown as ApiIntake));
  if (rules.success) return typeErrors;
  const covered = (field: string) => typeErrors.some((t) => field === t.field || field.startsWith(`${t.field}.`));
  const ruleErrors = fieldProblems(rules.error)
    .map((e) => ({ ...e, field: intakeFieldMap(e.field) }))
    .filter((e) => !covered(e.field));
  return [...typeErrors, ...ruleErrors];
}

function dropPath(obj: Record<string, unknown>, path: string[]) {
  const [head, ...tail] = path;
  if (!tail.length) delete obj[head];
  else if (obj[head] && typeof obj[head] === "object") dropPath(obj[head] as Record<string, unknown>, tail);
}

export async function createDossierViaApi(caller: ApiCaller, body: unknown): Promise<ApiAnswer> {
  const typed = apiIntakeSchema.safeParse(body);
  if (!typed.success) throw validationProblem(everyFieldError(fieldProblems(typed.error), body));
  const input = intakeInput(typed.data);
  const result = await receiveDossier(caller.ctx, input);
  return {
    status: 201,
    body: {
      code: result.code,
      status: result.status,
      dueAt: result.dueAt?.toISOString() ?? null,
      lookupUrl: result.lookupUrl,
    },
  };
}
