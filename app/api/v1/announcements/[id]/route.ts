import { readAnnouncementViaApi } from "@/lib/api/announcements";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(({ caller, params }) => readAnnouncementViaApi(caller, params.id));
