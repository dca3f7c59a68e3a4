import { and, asc, eq, gt, gte, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossiers, ratings } from "@/db/schema";
import type { Period } from "./period";
import { type ReportScope, inReportScope } from "./scope";

/**
 * One page of the ratings given in a period (by the time of the first rating) in a scope, after the rating id
 * `after`, oldest first: a keyset on the id, so pages stay stable while new ratings arrive.
 */
export function ratingsPage(db: DbOrTx, scope: ReportScope, p: Period, after: number, limit: number) {
  return db
    .select({
      id: ratings.id,
      dossierCode: dossiers.code,
      level: ratings.level,
      criteria: ratings.criteria,
      comment: ratings.comment,
      channel: ratings.channel,
      ratedAt: ratings.ratedAt,
      updatedAt: ratings.updatedAt,
    })
    .from(ratings)
    .innerJoin(dossiers, eq(dossiers.id, ratings.dossierId))
    .where(
      and(
        gte(ratings.ratedAt, p.start),
        lt(ratings.ratedAt, p.end),
        gt(ratings.id, after),
        inReportScope(scope, ratings.unitId),
      ),
    )
    .orderBy(asc(ratings.id))
    .limit(limit);
}
