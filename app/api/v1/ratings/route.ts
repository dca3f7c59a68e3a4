import { apiRoute } from "@/lib/api/route";
import { ratingsViaApi } from "@/lib/api/statistics";

export const dynamic = "force-dynamic";

export async function GET(req: Request, context: { params: Promise<Record<string, never>> }) {
  return apiRoute(({ caller }) => ratingsViaApi(caller, new URL(req.url)))(req, context);
}
