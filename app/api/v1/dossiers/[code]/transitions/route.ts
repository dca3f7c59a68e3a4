import { apiRoute } from "@/lib/api/route";
import { transitionDossierViaApi, transitionFieldMap } from "@/lib/api/transition";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ code: string }>(
  ({ caller, params, body }) => transitionDossierViaApi(caller, params.code, body),
  { fieldMap: transitionFieldMap },
);
