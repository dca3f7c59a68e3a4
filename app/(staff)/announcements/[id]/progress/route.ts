import { getTranslations } from "next-intl/server";
import { announcementProgress } from "@/lib/announcements/queries";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Live counts for the progress bar (polled). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const me = await currentStaff();
  const m = await getTranslations();
  if (!me) return Response.json({ message: m("login.expired") }, { status: 401 });
  try {
    const p = await announcementProgress(me, Number((await params).id));
    return p
      ? Response.json(p, { headers: { "cache-control": "no-store" } })
      : Response.json({ message: m("announcements.errors.notFoundShort") }, { status: 404 });
  } catch (err) {
    if (err instanceof ForbiddenError) return Response.json({ message: err.message }, { status: 403 });
    throw err;
  }
}
