import { simEnabled } from "@/lib/sim/config";
import { simHandler } from "@/lib/sim/handler";

export const runtime = "nodejs";

// The Zalo simulator, served by the app only when ZALO_SIMULATOR=1 (the demo); production answers 404.
async function handle(req: Request): Promise<Response> {
  if (!simEnabled()) return new Response("Not Found", { status: 404 });
  return simHandler(req);
}

export { handle as GET, handle as POST };
