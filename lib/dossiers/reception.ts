import type { DbOrTx } from "@/db/client";
import type { ProcedureSnapshot } from "@/db/schema/dossiers";
import { ConflictError } from "@/lib/errors";
import { unitCodeOn } from "@/lib/units/queries";
import type { DossierClock } from "./clock";
import { nextDossierNumber, receptionDay } from "./code";
import { msg } from "@/lib/i18n/translate";

export interface Reception {
  code: string;
  unitCode: string;
  registerBook: string;
  registerLine: number;
  dueAt: Date | null;
}

/** What reception needs to know before numbering: the unit code valid that day. Read before any lock. */
async function prepareReception(
  tx: DbOrTx,
  unitId: number,
  receivedAt: Date,
): Promise<{ unitCode: string; day: ReturnType<typeof receptionDay> }> {
  const day = receptionDay(receivedAt);
  const unitCode = await unitCodeOn(tx, unitId, day.iso);
  if (!unitCode) throw noUnitCodeOn(day);
  return { unitCode, day };
}

export function noUnitCodeOn(day: ReturnType<typeof receptionDay>): ConflictError {
  return new ConflictError(msg("errors.dossier.noUnitCode", { day: day.iso.split("-").reverse().join("/") }));
}

/**
 * Numbering: the day's next number and the year's register line, in one statement. The counter rows stay
 * locked until commit, so callers take them as late as they can.
 */
async function numberReception(
  tx: DbOrTx,
  prepared: { unitCode: string; day: ReturnType<typeof receptionDay> },
  receivedAt: Date,
  procedure: ProcedureSnapshot,
  clock: DossierClock,
): Promise<Reception> {
  const { unitCode, day } = prepared;
  const { code, registerLine } = await nextDossierNumber(tx, unitCode, day);
  return {
    code,
    unitCode,
    registerBook: day.year,
    registerLine,
    dueAt: clock.dueAt(receivedAt, procedure),
  };
}

/**
 * What reception fixes for good, inside the intake (or acceptance) transaction: the code from the unit
 * code valid that day and the day's next number, the register line, and the due date.
 */
export async function assignReception(
  tx: DbOrTx,
  unitId: number,
  receivedAt: Date,
  procedure: ProcedureSnapshot,
  clock: DossierClock,
): Promise<Reception> {
  return numberReception(tx, await prepareReception(tx, unitId, receivedAt), receivedAt, procedure, clock);
}
