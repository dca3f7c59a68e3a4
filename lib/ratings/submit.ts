import { eq } from "drizzle-orm";
import { type Db, type DbOrTx, getDb } from "@/db/client";
import { type Dossier, type RatingLevel, ratings } from "@/db/schema";
import { type Ctx, requirePermission, systemCtx } from "@/lib/auth/actor";
import { lockDossierInScope } from "@/lib/dossiers/transition";
import { RateLimitedError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/rate-limit";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { lockDossierBySecret } from "./dossier-access";
import { type RecordedRating, recordRating } from "./record";
import { ratingFormToInput, ratingInputSchema } from "./schemas";
import { getRatingSettings } from "./settings";
import { msg } from "@/lib/i18n/translate";

const RATING_LIMIT = { limit: 20, windowSeconds: 60 };

async function limit(db: Db, ip: string | null) {
  const rate = await hitRateLimit(db, `rating:${ip ?? "unknown"}`, RATING_LIMIT);
  if (!rate.allowed) throw new RateLimitedError(msg("ratings.errors.limited", { seconds: rate.retryAfterSeconds }));
}

/** The web page's rating (`/danh-gia/<code>?t=<secret>`): no sign-in, the QR secret instead, rate-limited per IP. */
export async function submitWebRating(
  raw: Record<string, unknown>,
  secret: string | null,
  ip: string | null,
  db: Db = getDb(),
): Promise<RecordedRating> {
  const input = parseInput(ratingInputSchema, ratingFormToInput(raw));
  await limit(db, ip);
  const ctx: Ctx = { actor: { ...systemCtx().actor, label: "Người dân (trang web)" }, ip };
  return db.transaction(async (tx) => {
    const d = await lockDossierBySecret(tx, input.code, secret);
    return recordRating(tx, ctx, d, {
      channel: "web",
      level: input.level,
      criteria: input.criteria,
      comment: input.comment ?? null,
    });
  });
}

/** The counter device: a receptionist's signed-in tablet, limited to dossiers of their unit (scope). */
export async function submitCounterRating(ctx: Ctx, raw: Record<string, unknown>): Promise<RecordedRating> {
  requirePermission(ctx, "dossiers.transition");
  const input = parseInput(ratingInputSchema, ratingFormToInput(raw));
  return withTransaction(ctx, async (ctx, tx) => {
    const d = await lockDossierInScope(tx, ctx, input.code);
    return recordRating(tx, ctx, d, {
      channel: "counter",
      level: input.level,
      criteria: input.criteria,
      comment: input.comment ?? null,
    });
  });
}

export interface RatingPageData {
  code: string;
  procedureName: string;
  returned: boolean;
  criteria: { key: string; label: string }[];
  /** Days a rating may be changed after it was given (rating settings). */
  changeDays: number;
  current: {
    level: RatingLevel;
    ratedAt: Date;
    changeableUntil: Date;
    criteria: Record<string, RatingLevel>;
    comment: string | null;
  } | null;
}

async function pageData(db: DbOrTx, d: Dossier): Promise<RatingPageData> {
  const settings = await getRatingSettings(db);
  const [r] = await db.select().from(ratings).where(eq(ratings.dossierId, d.id));
  return {
    code: d.code,
    procedureName: d.procedure.name,
    returned: d.status === "returned",
    criteria: settings.criteria,
    changeDays: settings.changeDays,
    current: r
      ? {
          level: r.level,
          ratedAt: r.ratedAt,
          changeableUntil: new Date(r.ratedAt.getTime() + settings.changeDays * 86_400_000),
          criteria: r.criteria,
          comment: r.comment,
        }
      : null,
  };
}

/** What the web page shows before the citizen rates (secret checked, rate-limited). */
export async function webRatingPage(
  code: string,
  secret: string | null,
  ip: string | null,
  db: Db = getDb(),
): Promise<RatingPageData> {
  await limit(db, ip);
  return db.transaction(async (tx) => pageData(tx, await lockDossierBySecret(tx, code, secret)));
}

/** What the counter device shows for a dossier of the receptionist's unit. */
export async function counterRatingPage(ctx: Ctx, code: string): Promise<RatingPageData> {
  requirePermission(ctx, "dossiers.transition");
  return withTransaction(ctx, async (ctx, tx) => pageData(tx, await lockDossierInScope(tx, ctx, code)));
}
