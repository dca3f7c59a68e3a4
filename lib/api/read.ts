import { getDossier } from "@/lib/dossiers/detail";
import type { ApiCaller } from "./authenticate";
import { dossierView } from "./dossier-view";
import type { ApiAnswer } from "./idempotency";

export async function readDossierViaApi(caller: ApiCaller, code: string): Promise<ApiAnswer> {
  const d = await getDossier(caller.ctx, code);
  return { status: 200, body: dossierView(d, d.history) };
}
