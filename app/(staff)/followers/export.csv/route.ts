import { getMessages, getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { followersCsv } from "@/lib/followers/csv";
import { listFollowers, parseFollowerFilter } from "@/lib/followers/list";

export const dynamic = "force-dynamic";

/** GET /followers/export.csv?<filters> → the filtered followers as UTF-8 CSV. */
export async function GET(request: NextRequest) {
  const me = await currentStaff();
  const m = await getTranslations();
  if (!me) return new Response(m("login.expired"), { status: 401 });
  try {
    const { items } = await listFollowers(me, parseFollowerFilter(Object.fromEntries(request.nextUrl.searchParams)), {
      all: true,
    });
    return new Response(followersCsv(items, (await getMessages()).announcements.csv), {
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
