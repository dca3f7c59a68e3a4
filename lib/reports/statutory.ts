import { z } from "zod";
import { type DbOrTx } from "@/db/client";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { dbOf } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { addUp, dossierTotals, groupRows } from "./dossier-totals";
import { type Period, makePeriod, reportQuerySchema } from "./period";
import { type ReportScope, reportScope } from "./scope";

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

const statutoryQuerySchema = reportQuerySchema.extend({ by: z.enum(["unit", "field"]).default("unit") });

/** Lines per unit (in tree order) or per field of the catalogue (by name), then the total line. */
export async function statutoryRows(
  db: DbOrTx,
  scope: ReportScope,
  p: Period,
  by: "unit" | "field",
): Promise<StatutoryRow[]> {
  const rows = await dossierTotals(db, scope, p);
  const sorted =
    by === "unit"
      ? [...rows].sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.unitId - b.unitId)
      : [...rows].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  const groups = groupRows(sorted, (r) => (by === "unit" ? r.unitId : r.field));
  const lines = [...groups.values()].map((g): StatutoryRow => {
    const t = addUp(g);
    return {
      name: by === "unit" ? g[0].unitName : g[0].field,
      carriedOver: t.carried,
      receivedOnline: t.online,
      receivedDirect: t.direct,
      receivedPost: t.post,
      total: t.carried + t.online + t.direct + t.post,
      finished: t.early + t.onTime + t.late,
      early: t.early,
      onTime: t.onTime,
      late: t.late,
      inProgress: t.openNet,
      inProgressOnTime: t.openNet - t.overdueNet,
      inProgressOverdue: t.overdueNet,
    };
  });
  const active = lines.filter((l) => l.total > 0 || l.finished > 0 || l.inProgress > 0);
  const total = active.reduce<StatutoryRow>(
    (acc, l) => {
      for (const c of statutoryColumns) if (c.key !== "name") (acc[c.key] as number) += l[c.key] as number;
      return acc;
    },
    {
      name: "Tổng cộng",
      carriedOver: 0,
      receivedOnline: 0,
      receivedDirect: 0,
      receivedPost: 0,
      total: 0,
      finished: 0,
      early: 0,
      onTime: 0,
      late: 0,
      inProgress: 0,
      inProgressOnTime: 0,
      inProgressOverdue: 0,
    },
  );
  return [...active, total];
}

export async function statutoryReport(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "reports.read");
  const db = dbOf(ctx);
  const now = ctx.now ?? new Date();
  const q = parseInput(statutoryQuerySchema, raw);
  const scope = await reportScope(db, ctx, q.unit);
  const period = makePeriod(q.from, q.to, now);
  return { period, unit: scope.unit, by: q.by, rows: await statutoryRows(db, scope, period, q.by) };
}
