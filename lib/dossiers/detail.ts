import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { dossierHistory, dossierReceipts, dossiers, procedures, staff, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { dbOf } from "@/lib/services/context";
import type { ReceiptSnapshot } from "@/lib/dossiers/receipt-snapshot";
import { normaliseDossierCode } from "./chat-lookup";
import { loadClock } from "./clock";
import { onTimeState } from "./on-time";

/** A dossier in the caller's scope with everything the detail page shows; out of scope = not found. */
export async function getDossier(ctx: Ctx, code: string) {
  requirePermission(ctx, "dossiers.read");
  const db = dbOf(ctx);
  const wanted = normaliseDossierCode(code);
  const [row] = await db
    .select({ d: dossiers, unitName: units.name })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(and(or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)), inUnitScope(ctx, dossiers.unitId)));
  if (!row) throw new NotFoundError("errors.notFound.dossier");
  const [history, receipts, clock, [procedure]] = await Promise.all([
    db
      .select()
      .from(dossierHistory)
      .where(eq(dossierHistory.dossierId, row.d.id))
      .orderBy(asc(dossierHistory.at), asc(dossierHistory.id)),
    // Receipts record the login name; staff read the person's full name.
    db
      .select({
        version: dossierReceipts.version,
        issuedAt: dossierReceipts.issuedAt,
        issuedBy: sql<string>`coalesce(${staff.fullName}, ${dossierReceipts.issuedBy})`,
      })
      .from(dossierReceipts)
      .leftJoin(staff, eq(staff.username, dossierReceipts.issuedBy))
      .where(eq(dossierReceipts.dossierId, row.d.id))
      .orderBy(asc(dossierReceipts.version)),
    loadClock(db, row.d.unitId),
    db.select({ components: procedures.components }).from(procedures).where(eq(procedures.id, row.d.procedureId)),
  ]);
  const now = ctx.now ?? new Date();
  return {
    ...row.d,
    unitName: row.unitName,
    history,
    receipts,
    procedureComponents: procedure?.components ?? [],
    onTime: onTimeState(row.d, now, clock.dueSoonLimit(now)),
  };
}

/** One printed version of the receipt (the latest when no version is given). */
export async function getReceipt(ctx: Ctx, code: string, version?: number): Promise<ReceiptSnapshot> {
  requirePermission(ctx, "dossiers.read");
  const wanted = normaliseDossierCode(code);
  const rows = await dbOf(ctx)
    .select({ snapshot: dossierReceipts.snapshot })
    .from(dossierReceipts)
    .innerJoin(dossiers, eq(dossiers.id, dossierReceipts.dossierId))
    .where(
      and(
        or(eq(dossiers.code, wanted), eq(dossiers.nationalCode, wanted)),
        inUnitScope(ctx, dossiers.unitId),
        version ? eq(dossierReceipts.version, version) : undefined,
      ),
    )
    .orderBy(desc(dossierReceipts.version))
    .limit(1);
  if (!rows[0]) throw new NotFoundError("errors.notFound.receipt");
  return rows[0].snapshot as unknown as ReceiptSnapshot;
}
