import { and, asc, count, eq, getTableColumns, isNotNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Procedure, procedures, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { type ProcedureListQuery, procedureListQuerySchema } from "./schemas";
import { procedureTermMatch } from "./search-text";
import { dbOf } from "@/lib/services/context";

export type ProcedureDetail = Procedure & { unitName: string | null };

const detailColumns = { ...getTableColumns(procedures), unitName: units.name };

/** A hand-edited URL must not break the list: each bad filter falls back to its default on its own. */
function parseListQuery(raw: unknown): ProcedureListQuery {
  const input = (raw ?? {}) as Record<string, unknown>;
  const shape = procedureListQuerySchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  return procedureListQuerySchema.parse(
    Object.fromEntries(Object.entries(input).filter(([k, v]) => shape[k]?.safeParse(v).success)),
  );
}

/** The catalogue is province-wide: every role with procedures.read sees all of it, whatever the unit. */
export async function listProcedures(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "procedures.read");
  const q = parseListQuery(raw);
  const where: SQL[] = [];
  if (q.status === "active") where.push(eq(procedures.active, true));
  if (q.status === "retired") where.push(eq(procedures.active, false));
  if (q.field) where.push(eq(procedures.field, q.field));
  const match = procedureTermMatch(q.q);
  if (match) where.push(match.where);
  const cond = where.length ? and(...where) : undefined;
  const db = dbOf(ctx);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(detailColumns)
      .from(procedures)
      .leftJoin(units, eq(units.id, procedures.unitId))
      .where(cond)
      .orderBy(...(match ? match.orderBy : [asc(procedures.field), asc(procedures.name)]), asc(procedures.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(procedures).where(cond),
  ]);
  return { rows, total, page: q.page, pageSize: q.pageSize, query: q };
}

/** Fields (lĩnh vực) in use, for the list filter. */
export async function listProcedureFields(ctx: Ctx): Promise<string[]> {
  requirePermission(ctx, "procedures.read");
  const rows = await dbOf(ctx)
    .selectDistinct({ field: procedures.field })
    .from(procedures)
    .orderBy(asc(procedures.field));
  return rows.map((r) => r.field);
}

/** One procedure with its handling unit's name, active or retired; null when it does not exist. */
export async function getProcedure(ctx: Ctx, id: number): Promise<ProcedureDetail | null> {
  requirePermission(ctx, "procedures.read");
  if (!Number.isInteger(id) || id <= 0) return null;
  const [row] = await dbOf(ctx)
    .select(detailColumns)
    .from(procedures)
    .leftJoin(units, eq(units.id, procedures.unitId))
    .where(eq(procedures.id, id));
  return row ?? null;
}

/** For trusted callers (seeds, integration API, dossier import) that already hold their own permission. */
export async function getProcedureByCode(db: DbOrTx, code: string): Promise<Procedure | null> {
  const trimmed = code.trim().toUpperCase();
  if (!trimmed) return null;
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(isNotNull(procedures.code), eq(procedures.code, trimmed)));
  return row ?? null;
}
