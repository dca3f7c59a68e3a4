import { NextResponse } from "next/server";
import { can } from "@/lib/auth/actor";
import { currentStaff } from "@/lib/auth/session";
import { countUnread } from "@/lib/conversations/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  const me = await currentStaff();
  if (!me) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  if (!can(me, "conversations.read")) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  return NextResponse.json({ unread: await countUnread(me) }, { headers: { "cache-control": "no-store" } });
}
