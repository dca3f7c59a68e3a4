import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { followersCsv } from "@/lib/followers/csv";
import { listFollowers, parseFollowerFilter } from "@/lib/followers/list";
import { getMessages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** GET /followers/export.csv?<filters> → the filtered followers as UTF-8 CSV. */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  const m = await getMessages();
  if (!me) return new Response(m.login.expired, { status: 401 });
  try {
    const { items } = await listFollowers(me, parseFollowerFilter(Object.fromEntries(request.nextUrl.searchParams)), {
      all: true,
    });
    return new Response(followersCsv(items, m.announcements.csv), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="nguoi-quan-tam.csv"',
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    throw err;
  }
}
