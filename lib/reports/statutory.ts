import { sql } from "drizzle-orm";
import { z } from "zod";
import { type DbOrTx, executedRows, getDb } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { type Period, makePeriod, reportQuerySchema } from "./period";
import { type ReportScope, inReportScope, reportScope } from "./scope";

/** One line of the TTHC handling report (Circular 01/2018 as one-stop software prints it). */
export interface StatutoryRow {
  name: string;
  carriedOver: number;
  receivedOnline: number;
  receivedDirect: number;
  receivedPost: number;
  total: number;
  finished: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
}

export const statutoryColumns: { key: keyof StatutoryRow; label: string }[] = [
  { key: "name", label: "Đơn vị / Lĩnh vực" },
  { key: "carriedOver", label: "Kỳ trước chuyển qua" },
  { key: "receivedOnline", label: "Tiếp nhận trực tuyến" },
  { key: "receivedDirect", label: "Tiếp nhận trực tiếp" },
  { key: "receivedPost", label: "Tiếp nhận qua bưu chính" },
  { key: "total", label: "Tổng số hồ sơ phải giải quyết" },
  { key: "finished", label: "Đã giải quyết" },
  { key: "early", label: "Đã giải quyết trước hạn" },
  { key: "onTime", label: "Đã giải quyết đúng hạn" },
  { key: "late", label: "Đã giải quyết quá hạn" },
  { key: "inProgress", label: "Đang giải quyết" },
  { key: "inProgressOnTime", label: "Đang giải quyết trong hạn" },
  { key: "inProgressOverdue", label: "Đang giải quyết quá hạn" },
];

export const statutoryQuerySchema = reportQuerySchema.extend({ by: z.enum(["unit", "field"]).default("unit") });

const num = (v: unknown) => Number(v ?? 0);

/** Lines per unit or per field of the catalogue, then the total line. */
export async function statutoryRows(db: DbOrTx, scope: ReportScope, p: Period, by: "unit" | "field"): Promise<StatutoryRow[]> {
  const key = by === "unit" ? sql`u.name` : sql`coalesce(pr.field, 'Khác')`;
  const grouping = by === "unit" ? sql`group by u.id, u.name, u.path order by u.path` : sql`group by 1 order by 1`;
  const inside = sql`s.day between ${p.from}::date and ${p.to}::date`;
  const rows = executedRows<Record<string, string>>(
    await db.execute(sql`
      select ${key} as name,
        sum(received_direct + received_online + received_post - closed) filter (where s.day < ${p.from}::date) as carried,
        sum(received_online) filter (where ${inside}) as online,
        sum(received_direct) filter (where ${inside}) as direct,
        sum(received_post) filter (where ${inside}) as post,
        sum(finished_early) filter (where ${inside}) as early,
        sum(finished_on_time) filter (where ${inside}) as on_time,
        sum(finished_late) filter (where ${inside}) as late,
        sum(received_direct + received_online + received_post - closed) as open_end,
        sum(overdue_start - overdue_end) as overdue_end
      from dossier_daily_stats s
      join units u on u.id = s.unit_id
      left join procedures pr on pr.id = s.procedure_id
      where s.day <= ${p.to}::date and ${inReportScope(scope, sql`s.unit_id`)}
      ${grouping}`),
  );
  const lines = rows.map((r): StatutoryRow => {
    const carriedOver = num(r.carried);
    const received = { online: num(r.online), direct: num(r.direct), post: num(r.post) };
    const fin = { early: num(r.early), onTime: num(r.on_time), late: num(r.late) };
    const open = num(r.open_end);
    const overdue = num(r.overdue_end);
    return {
      name: r.name,
      carriedOver,
      receivedOnline: received.online,
      receivedDirect: received.direct,
      receivedPost: received.post,
      total: carriedOver + received.online + received.direct + received.post,
      finished: fin.early + fin.onTime + fin.late,
      early: fin.early,
      onTime: fin.onTime,
      late: fin.late,
      inProgress: open,
      inProgressOnTime: open - overdue,
      inProgressOverdue: overdue,
    };
  });
  const active = lines.filter((l) => l.total > 0 || l.finished > 0 || l.inProgress > 0);
  const total = active.reduce<StatutoryRow>(
    (acc, l) => {
      for (const c of statutoryColumns) if (c.key !== "name") (acc[c.key] as number) += l[c.key] as number;
      return acc;
    },
    { name: "Tổng cộng", carriedOver: 0, receivedOnline: 0, receivedDirect: 0, receivedPost: 0, total: 0, finished: 0, early: 0, onTime: 0, late: 0, inProgress: 0, inProgressOnTime: 0, inProgressOverdue: 0 },
  );
  return [...active, total];
}

export async function statutoryReport(ctx: Ctx, raw: unknown, db: DbOrTx = getDb(), now = new Date()) {
  requirePermission(ctx, "reports.read");
  const q = parseInput(statutoryQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const period = makePeriod(q.from, q.to, now);
  return { period, unit: scope.unit, by: q.by, rows: await statutoryRows(db, scope, period, q.by) };
}
