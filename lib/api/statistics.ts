import { eq } from "drizzle-orm";
import { type ApiKeyScope, unitCodes } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { dashboard } from "@/lib/reports/figures";
import { ratingsFeed } from "@/lib/reports/ratings-feed";
import { statutoryReport } from "@/lib/reports/statutory";
import type { ApiCaller } from "./authenticate";
import type { ApiAnswer } from "./idempotency";
import { ApiProblem } from "./problem";
import { msg } from "@/lib/i18n/translate";
import { dbOf } from "@/lib/services/context";

/**
 * Only a key granted "statistics.read" reads figures and ratings: those of its unit and everything under it. The
 * key keeps its own role; the scope adds the two read permissions and the subtree, nothing else.
 */
function reportingCtx(caller: ApiCaller): Ctx {
  if (!caller.scopes.includes("statistics.read" satisfies ApiKeyScope)) {
    throw new ApiProblem(403, "forbidden", "errors.api.forbiddenTitle", "errors.api.noStatisticsScope");
  }
  return {
    ...caller.ctx,
    actor: { ...caller.ctx.actor, grants: ["reports.read", "ratings.read"], readsSubtree: true },
  };
}

async function unitIdOf(ctx: Ctx, code: string | null): Promise<number | undefined> {
  if (!code) return undefined;
  const [u] = await dbOf(ctx)
    .select({ unitId: unitCodes.unitId })
    .from(unitCodes)
    // An earlier code of a unit (before a merger or re-issue) still names it.
    .where(eq(unitCodes.code, code.trim()))
    .limit(1);
  if (!u) throw new NotFoundError(msg("errors.notFound.unitOfKey", { code }));
  return u.unitId;
}

const iso = (d: Date) => d.toISOString();

export async function statisticsViaApi(caller: ApiCaller, url: URL): Promise<ApiAnswer> {
  const ctx = reportingCtx(caller);
  const q = {
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
    unit: await unitIdOf(ctx, url.searchParams.get("unit")),
  };
  const [d, byUnit, byField] = await Promise.all([
    dashboard(ctx, q),
    statutoryReport(ctx, { ...q, by: "unit" }),
    statutoryReport(ctx, { ...q, by: "field" }),
  ]);
  return {
    status: 200,
    body: {
      from: d.period.from,
      to: d.period.to,
      unit: d.unit ? { name: d.unit.name } : null,
      dossiers: { ...d.dossiers, overdueNow: d.overdueNow, zaloShare: d.zaloShare },
      ratings: d.ratings,
      delivery: d.delivery,
      statutory: { byUnit: byUnit.rows, byField: byField.rows },
      generatedAt: iso(ctx.now ?? new Date()),
    },
  };
}

export async function ratingsViaApi(caller: ApiCaller, url: URL): Promise<ApiAnswer> {
  const ctx = reportingCtx(caller);
  const p = url.searchParams;
  const body = await ratingsFeed(ctx, {
    from: p.get("from") ?? undefined,
    to: p.get("to") ?? undefined,
    cursor: p.get("cursor") ?? undefined,
    limit: p.get("limit") ?? undefined,
    unit: await unitIdOf(ctx, p.get("unit")),
  });
  return { status: 200, body };
}
