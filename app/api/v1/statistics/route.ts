import { apiRoute } from "@/lib/api/route";
import { statisticsViaApi } from "@/lib/api/statistics";

export const dynamic = "force-dynamic";

export async function GET(req: Request, context: { params: Promise<Record<string, never>> }) {
  return apiRoute(({ caller }) => statisticsViaApi(caller, new URL(req.url)))(req, context);
}
