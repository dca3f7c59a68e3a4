import { readDossierViaApi } from "@/lib/api/read";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ code: string }>(({ caller, params }) => readDossierViaApi(caller, params.code));
