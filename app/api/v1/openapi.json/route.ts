import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** Public: the description of the API holds no data; the routes it describes need a key. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
