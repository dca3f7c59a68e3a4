import { createDossierViaApi, intakeFieldMap } from "@/lib/api/intake";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(({ caller, body }) => createDossierViaApi(caller, body), { fieldMap: intakeFieldMap });
