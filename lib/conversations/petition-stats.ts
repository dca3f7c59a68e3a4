import { and, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { toLocalDate } from "@/lib/calendar";
import { dbOf } from "@/lib/services/context";

export interface PetitionFigures {
  /** Petitions (phản ánh, kiến nghị) received in the period within the caller's scope. */
  received: number;
  /** Answered (outcome sent) on or before the deadline's date — vn-rules §3.5 compares dates. */
  answeredOnTime: number;
  answeredLate: number;
  /** Not answered yet and past the deadline. */
  overdue: number;
  /** Decision 766, satisfaction ratio 1: handled on time ÷ received × 100 (null when none were received). */
  onTimeRatio: number | null;
  /** Outcomes the citizen rated, and of those "Không hài lòng". */
  rated: number;
  dissatisfied: number;
  /**
   * Decision 766, satisfaction ratio 2: (received − rated "Không hài lòng" or handled late) ÷ received × 100.
   * "Handled late" counts those answered after the deadline and those still unanswered past it.
   */
  satisfactionRatio: number | null;
}

/**
 * On-time figures of petitions received in [from, to): the input of Decision 766's complaint ratios (vn-rules §4.3).
 */
export async function petitionFigures(ctx: Ctx, from: Date, to: Date): Promise<PetitionFigures> {
  requirePermission(ctx, "conversations.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const rows = await db
    .select({
      dueAt: conversations.dueAt,
      answeredAt: conversations.outcomeSentAt,
      satisfaction: conversations.satisfaction,
    })
    .from(conversations)
    .where(
      and(
        inArray(conversations.category, ["report", "petition"]),
        isNotNull(conversations.referenceNumber),
        gte(conversations.petitionAt, from),
        lt(conversations.petitionAt, to),
        inUnitScope(ctx, conversations.unitId),
      ),
    );
  let answeredOnTime = 0;
  let answeredLate = 0;
  let overdue = 0;
  let rated = 0;
  let dissatisfied = 0;
  let unsatisfactory = 0;
  for (const r of rows) {
    let late = false;
    if (r.answeredAt) {
      late = !!r.dueAt && toLocalDate(r.answeredAt) > toLocalDate(r.dueAt);
      if (late) answeredLate++;
      else answeredOnTime++;
    } else if (r.dueAt && r.dueAt < now) {
      late = true;
      overdue++;
    }
    if (r.satisfaction) rated++;
    if (r.satisfaction === "dissatisfied") dissatisfied++;
    if (late || r.satisfaction === "dissatisfied") unsatisfactory++;
  }
  const ratio = (n: number) => (rows.length ? (n / rows.length) * 100 : null);
  return {
    received: rows.length,
    answeredOnTime,
    answeredLate,
    overdue,
    onTimeRatio: ratio(answeredOnTime),
    rated,
    dissatisfied,
    satisfactionRatio: ratio(rows.length - unsatisfactory),
  };
}
