import { receiveDossier } from "@/lib/dossiers/receive";
import type { ApiCaller } from "./authenticate";
import { type ApiIntake, apiIntakeSchema } from "./dossier-schemas";
import type { ApiAnswer } from "./idempotency";
import { parseApiBody } from "./parse-body";
import type { FieldMap } from "./problem";

const personFields = ["Name", "IdNumber", "Phone", "Email", "Address"] as const;

/** The nested API body → the flat input the intake form sends to the same service verb. */
export function intakeInput(body: ApiIntake): Record<string, unknown> {
  const { submitter, owner, ...rest } = body;
  const flat: Record<string, unknown> = { ...rest, ownerSameAsSubmitter: owner == null };
  for (const f of personFields) {
    const key = (f[0].toLowerCase() + f.slice(1)) as Uncapitalize<typeof f>;
    flat[`submitter${f}`] = submitter[key] ?? undefined;
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

export async function createDossierViaApi(caller: ApiCaller, body: unknown): Promise<ApiAnswer> {
  const input = intakeInput(parseApiBody(apiIntakeSchema, body));
  const result = await receiveDossier(caller.ctx, input);
  return {
    status: 201,
    body: { code: result.code, status: result.status, dueAt: result.dueAt?.toISOString() ?? null, lookupUrl: result.lookupUrl },
  };
}
