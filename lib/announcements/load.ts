import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Announcement, announcements } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";

/** The announcement locked for a change, if it belongs to the caller's unit scope; another unit's id is "not found". */
export async function lockAnnouncement(tx: DbOrTx, ctx: Ctx, id: number): Promise<Announcement> {
  const [row] = await tx
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), inUnitScope(ctx, announcements.unitId)))
    .for("update");
  if (!row) throw new NotFoundError("announcements.errors.notFound");
  return row;
}
