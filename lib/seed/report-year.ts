import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { loadClock } from "@/lib/dossiers/clock";
import { dossierSearchText } from "@/lib/dossiers/search-text";
import type { Db } from "@/db/client";
import {
  type DossierChannel,
  type DossierStatus,
  type ProcedureSnapshot,
  type RatingChannel,
  type RatingLevel,
  dossierHistory,
  dossierSequences,
  dossiers,
  notifications,
  procedures,
  ratingFollowups,
  ratings,
  staff,
  unitCodes,
  units,
} from "@/db/schema";

/** Marks the generated year so that a second seed run adds nothing. */
export const REPORT_YEAR_NOTE = "Dữ liệu mẫu cho báo cáo (một năm)";

const families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const middles = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hữu", "Ngọc"];
const givens = [
  "An",
  "Bình",
  "Cường",
  "Dung",
  "Giang",
  "Hà",
  "Hải",
  "Hoa",
  "Hùng",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Yến",
];
const comments = [
  "Cán bộ hướng dẫn tận tình.",
  "Thủ tục nhanh gọn.",
  "Phải chờ lâu.",
  "Phải đi lại nhiều lần.",
  "Rất hài lòng với thái độ phục vụ.",
];

/** Unit code → intake per working day (the busy centre, two departments, two communes). */
const volumes: Record<string, number> = {
  "H27.37": 3,
  "000.15.00.H27": 0.6,
  "000.18.00.H27": 0.6,
  "H27.18073": 1,
  "H27.18562": 0.6,
};

function prng(seed: number) {
  let s = seed;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const vnParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
});

/**
 * A year of dossiers, history, ratings, follow-ups and Zalo notifications written straight into the tables (a
 * few thousand rows in bulk, fast enough for every demo start), so that the dashboard shows shapes, not zeros.
 * Due dates come from the real calendar; outcomes are drawn so that most dossiers finish early or on time.
 * No outbox events: nobody is messaged about these. Phones are left out (no citizen is reachable).
 */
export async function seedReportYear(db: Db, now = new Date()): Promise<number> {
  const [done] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(eq(dossiers.notes, REPORT_YEAR_NOTE))
    .limit(1);
  if (done) return 0;
  const rnd = prng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const unitRows = await db
    .select({ id: units.id, code: unitCodes.code })
    .from(units)
    .innerJoin(unitCodes, and(eq(unitCodes.unitId, units.id), isNull(unitCodes.validTo)));
  const procs = await db
    .select()
    .from(procedures)
    .where(and(isNotNull(procedures.processingDays), isNull(procedures.retiredAt)));
  const receptionists = await db
    .select({ id: staff.id, name: staff.fullName, unitId: staff.unitId })
    .from(staff)
    .where(eq(staff.role, "receptionist"));
  let made = 0;
  for (const unit of unitRows) {
    const perDay = volumes[unit.code];
    const mine = procs.filter((p) => p.unitId == null || p.unitId === unit.id);
    if (!perDay || mine.length === 0) continue;
    const clock = await loadClock(db, unit.id);
    const receiver = receptionists.find((r) => r.unitId === unit.id) ?? null;
    const rows: (typeof dossiers.$inferInsert)[] = [];
    // Numbers continue the day's counter, and the counter is moved past them, so intake later that day goes on.
    const lastOfDay = new Map(
      (
        await db
          .select({ day: dossierSequences.day, last: dossierSequences.last })
          .from(dossierSequences)
          .where(eq(dossierSequences.unitCode, unit.code))
      ).map((r) => [r.day, r.last]),
    );
    for (let back = 365; back >= 1; back--) {
      const day = new Date(now.getTime() - back * 86_400_000);
      const parts = Object.fromEntries(vnParts.formatToParts(day).map((p) => [p.type, p.value]));
      if (parts.weekday === "Sat" || parts.weekday === "Sun") continue;
      const count = Math.floor(perDay * (0.5 + rnd()) + rnd());
      for (let i = 0; i < count; i++) {
        const p = pick(mine);
        const snapshot: ProcedureSnapshot = {
          id: p.id,
          code: p.code,
          name: p.name,
          field: p.field,
          processingDays: p.processingDays,
          processingHours: p.processingHours,
          cutoffTime: p.cutoffTime,
          supplementClock: p.supplementClock,
        };
        const minutes = 7 * 60 + 30 + Math.floor(rnd() * 9 * 60);
        const hm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        const receivedAt = new Date(`${parts.year}-${parts.month}-${parts.day}T${hm}:00+07:00`);
        const dueAt = clock.dueAt(receivedAt, snapshot);
        const span = dueAt ? dueAt.getTime() - receivedAt.getTime() : 3 * 86_400_000;
        const draw = rnd();
        // 45% early, 35% on the due day, 12% late, the rest rejected or withdrawn.
        const finishedAt =
          draw < 0.45
            ? new Date(receivedAt.getTime() + span * (0.3 + rnd() * 0.5))
            : draw < 0.8
              ? new Date((dueAt ?? receivedAt).getTime() - rnd() * 3 * 3600_000)
              : draw < 0.92
                ? new Date((dueAt ?? receivedAt).getTime() + (1 + rnd() * 6) * 86_400_000)
                : null;
        const returnedAt = finishedAt ? new Date(finishedAt.getTime() + (0.2 + rnd() * 3) * 86_400_000) : null;
        let status: DossierStatus;
        if (!finishedAt) status = draw < 0.96 ? "rejected" : "withdrawn";
        else if (returnedAt && returnedAt <= now) status = "returned";
        else if (finishedAt <= now) status = "result_ready";
        else
          status =
            rnd() < 0.1 ? "supplement_requested" : pick(["assigned", "appraising", "awaiting_signature"] as const);
        const closedAt =
          status === "rejected" || status === "withdrawn"
            ? new Date(receivedAt.getTime() + (1 + rnd() * 3) * 86_400_000)
            : null;
        const name = `${pick(families)} ${pick(middles)} ${pick(givens)}`;
        const yymmdd = `${parts.year.slice(2)}${parts.month}${parts.day}`;
        const seq = (lastOfDay.get(yymmdd) ?? 0) + 1;
        lastOfDay.set(yymmdd, seq);
        const code = `${unit.code}-${yymmdd}-${String(seq).padStart(4, "0")}`;
        const channel: DossierChannel = rnd() < 0.25 ? "online" : rnd() < 0.08 ? "post" : "direct";
        rows.push({
          code,
          unitId: unit.id,
          procedureId: p.id,
          procedure: snapshot,
          status,
          channel,
          resultDelivery: "counter",
          submitterName: name,
          ownerName: name,
          notifyZalo: rnd() < 0.55,
          receivedAt,
          receivedById: receiver?.id ?? null,
          receivedByName: receiver?.name ?? null,
          dueAt,
          originalDueAt: dueAt,
          finishedAt: status === "returned" || status === "result_ready" ? finishedAt : null,
          returnedAt: status === "returned" ? returnedAt : null,
          closedAt,
          apologyAt:
            draw >= 0.8 && draw < 0.92 && rnd() < 0.5 && dueAt ? new Date(dueAt.getTime() - 2 * 86_400_000) : null,
          notes: REPORT_YEAR_NOTE,
          lookupSecret: `demo-${code}`,
          searchText: dossierSearchText({
            code,
            nationalCode: null,
            submitterName: name,
            ownerName: name,
            submitterPhone84: null,
            ownerPhone84: null,
            submitterIdNumber: null,
            ownerIdNumber: null,
          }),
          createdAt: receivedAt,
          updatedAt: returnedAt && returnedAt <= now ? returnedAt : receivedAt,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await db
        .insert(dossiers)
        .values(rows.slice(i, i + 500))
        .returning({
          id: dossiers.id,
          unitId: dossiers.unitId,
          procedureId: dossiers.procedureId,
          status: dossiers.status,
          receivedAt: dossiers.receivedAt,
          receivedById: dossiers.receivedById,
          receivedByName: dossiers.receivedByName,
          dueAt: dossiers.dueAt,
          finishedAt: dossiers.finishedAt,
          returnedAt: dossiers.returnedAt,
          notifyZalo: dossiers.notifyZalo,
        });
      made += inserted.length;
      await seedFollowOn(db, inserted, rnd, now);
    }
    const counters = [...lastOfDay].map(([day, last]) => ({ unitCode: unit.code, day, last }));
    for (let i = 0; i < counters.length; i += 500) {
      await db
        .insert(dossierSequences)
        .values(counters.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [dossierSequences.unitCode, dossierSequences.day],
          set: { last: sql`greatest(${dossierSequences.last}, excluded.last)` },
        });
    }
  }
  return made;
}

type Inserted = Pick<
  typeof dossiers.$inferSelect,
  | "id"
  | "unitId"
  | "procedureId"
  | "status"
  | "receivedAt"
  | "receivedById"
  | "receivedByName"
  | "dueAt"
  | "finishedAt"
  | "returnedAt"
  | "notifyZalo"
>;

/**
 * History (receipt and supplement requests), ratings with their follow-ups, and one Zalo message per ticked dossier.
 */
async function seedFollowOn(db: Db, rows: Inserted[], rnd: () => number, now: Date): Promise<void> {
  const history: (typeof dossierHistory.$inferInsert)[] = [];
  const rated: (typeof ratings.$inferInsert)[] = [];
  const sent: (typeof notifications.$inferInsert)[] = [];
  for (const d of rows) {
    history.push({
      dossierId: d.id,
      fromStatus: null,
      toStatus: "received",
      action: "receive",
      actorLabel: d.receivedByName ?? "Hệ thống",
      at: d.receivedAt!,
    });
    if (rnd() < 0.1) {
      const at = new Date(d.receivedAt!.getTime() + 86_400_000);
      if (at < now)
        history.push({
          dossierId: d.id,
          fromStatus: "appraising",
          toStatus: "supplement_requested",
          action: "transition",
          actorLabel: "Hệ thống",
          at,
        });
    }
    if (d.status === "returned" && d.returnedAt && rnd() < 0.55) {
      const late = d.dueAt && d.finishedAt && d.finishedAt.getTime() > d.dueAt.getTime();
      const draw = rnd();
      const level: RatingLevel =
        draw < (late ? 0.3 : 0.05) ? "dissatisfied" : draw < 0.45 ? "satisfied" : "very_satisfied";
      const channel: RatingChannel = d.notifyZalo && rnd() < 0.6 ? "zalo" : rnd() < 0.5 ? "counter" : "web";
      const ratedAt = new Date(Math.min(now.getTime(), d.returnedAt.getTime() + rnd() * 2 * 86_400_000));
      rated.push({
        dossierId: d.id,
        unitId: d.unitId,
        procedureId: d.procedureId,
        receivedById: d.receivedById,
        level,
        criteria: {
          convenience: level,
          attitude: rnd() < 0.8 ? "very_satisfied" : "satisfied",
          timeliness: late ? "dissatisfied" : "satisfied",
        },
        comment: rnd() < 0.3 ? comments[Math.floor(rnd() * comments.length)] : null,
        channel,
        zaloStars: channel === "zalo" ? (level === "dissatisfied" ? 2 : level === "satisfied" ? 4 : 5) : null,
        returnedAt: d.returnedAt,
        ratedAt,
        updatedAt: ratedAt,
      });
    }
    if (d.notifyZalo) {
      const draw = rnd();
      const createdAt = d.receivedAt!;
      const sentAt = new Date(createdAt.getTime() + (2 + rnd() * 40) * 1000);
      const failed = draw < 0.04;
      sent.push({
        dossierId: d.id,
        unitId: d.unitId,
        eventId: 0,
        eventType: "received",
        channel: "zbs",
        templateId: "310001",
        status: failed ? "failed_permanent" : "delivered",
        attempts: 1,
        lastError: failed
          ? pick2(rnd, [
              "Số điện thoại không dùng Zalo hoặc đã chặn tin từ OA",
              "Người dùng không nhận được tin (không hoạt động hoặc đã từ chối)",
            ])
          : null,
        sentAt: failed ? null : sentAt,
        deliveredAt: failed ? null : new Date(sentAt.getTime() + 3000),
        failedAt: failed ? sentAt : null,
        createdAt,
        updatedAt: sentAt,
      });
    }
  }
  if (history.length) await db.insert(dossierHistory).values(history);
  if (sent.length) await db.insert(notifications).values(sent);
  if (!rated.length) return;
  const inserted = await db.insert(ratings).values(rated).returning({
    id: ratings.id,
    dossierId: ratings.dossierId,
    unitId: ratings.unitId,
    level: ratings.level,
    ratedAt: ratings.ratedAt,
  });
  const followups = inserted
    .filter((r) => r.level === "dissatisfied")
    .map((r) => {
      const dueAt = new Date(r.ratedAt.getTime() + 7 * 86_400_000);
      const closed = dueAt < now && rnd() < 0.8;
      return {
        ratingId: r.id,
        dossierId: r.dossierId,
        unitId: r.unitId,
        status: closed ? ("closed" as const) : ("open" as const),
        dueAt,
        actionTaken: closed ? "Đã liên hệ, giải thích và rút kinh nghiệm với bộ phận thụ lý." : null,
        closedAt: closed ? new Date(r.ratedAt.getTime() + 3 * 86_400_000) : null,
        createdAt: r.ratedAt,
        updatedAt: r.ratedAt,
      };
    });
  if (followups.length) await db.insert(ratingFollowups).values(followups);
}

function pick2<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}
