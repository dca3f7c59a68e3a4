import { z } from "zod";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { makePeriod, reportQuerySchema } from "./period";
import { ratingsPage } from "./ratings-page";
import { reportScope } from "./scope";

const ratingsFeedSchema = reportQuerySchema.extend({
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const encodeCursor = (id: number) => Buffer.from(`r${id}`).toString("base64url");
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^r(\d{1,12})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw new ValidationError({ cursor: "errors.report.badCursor" });
  return Number(m[1]);
}

export interface RatingFeedItem {
  id: number;
  dossierCode: string;
  level: string;
  criteria: Record<string, string>;
  comment: string | null;
  channel: string;
  ratedAt: string;
  updatedAt: string;
}

/** Ratings given in a period in the caller's scope, oldest first; `nextCursor` continues after the last row. */
export async function ratingsFeed(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "reports.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const q = parseInput(ratingsFeedSchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const p = makePeriod(q.from, q.to, now);
  const after = decodeCursor(q.cursor);
  const rows = await ratingsPage(db, scope, p, after, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    from: p.from,
    to: p.to,
    items: page.map((r): RatingFeedItem => ({
      ...r,
      ratedAt: r.ratedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null,
  };
}
