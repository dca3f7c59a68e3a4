import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { staff } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";

/** The staff member's full name for the timeline, else the actor label. */
export async function authorName(tx: DbOrTx, ctx: Ctx): Promise<string> {
  if (ctx.actor.kind !== "staff" || ctx.actor.id == null) return ctx.actor.label;
  const [row] = await tx.select({ fullName: staff.fullName }).from(staff).where(eq(staff.id, ctx.actor.id));
  return row?.fullName ?? ctx.actor.label;
}
