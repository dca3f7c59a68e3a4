import { transitionDossier } from "@/lib/dossiers/transition";
import type { ApiCaller } from "./authenticate";
import { apiTransitionSchema } from "./dossier-schemas";
import type { ApiAnswer } from "./idempotency";
import { parseApiBody } from "./parse-body";
import type { FieldMap } from "./problem";

/** The transition form names the fee amount "feeAmount"; the API body nests it. */
export const transitionFieldMap: FieldMap = (field) =>
  field === "feeAmount" ? "fee.amount" : field === "paymentUrl" ? "fee.paymentUrl" : field;

export async function transitionDossierViaApi(caller: ApiCaller, code: string, body: unknown): Promise<ApiAnswer> {
  const input = parseApiBody(apiTransitionSchema, body);
  const result = await transitionDossier(caller.ctx, { ...input, code });
  return { status: 200, body: { code: result.code, status: result.status } };
}
