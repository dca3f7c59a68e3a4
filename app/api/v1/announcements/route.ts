import { announcementFieldMap, createAnnouncementViaApi } from "@/lib/api/announcements";
import { apiRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute(({ caller, body }) => createAnnouncementViaApi(caller, body), {
  fieldMap: announcementFieldMap,
});
