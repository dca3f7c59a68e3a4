import type { DbOrTx } from "@/db/client";
import type { ProcedureSnapshot } from "@/db/schema/dossiers";
import { ConflictError } from "@/lib/errors";
import { unitCodeOn } from "@/lib/units/queries";
import type { DossierClock } from "./clock";
import { formatDossierCode, nextSequence, receptionDay } from "./code";

export interface Reception {
  code: string;
  unitCode: string;
  registerBook: string;
  registerLine: number;
  dueAt: Date | null;
}

/**
 * What reception fixes for good, inside the intake (or acceptance) transaction: the code from the unit
 * code valid that day and the day's next number, the register line, and the due date.
 */
export async function assignReception(tx: DbOrTx, unitId: number, receivedAt: Date, procedure: ProcedureSnapshot, clock: DossierClock): Promise<Reception> {
  const day = receptionDay(receivedAt);
  const unitCode = await unitCodeOn(tx, unitId, day.iso);
  if (!unitCode) {
    throw new ConflictError(`Đơn vị tiếp nhận chưa có mã định danh điện tử có hiệu lực ngày ${day.iso.split("-").reverse().join("/")}, nên chưa cấp được mã hồ sơ.`);
  }
  const sequence = await nextSequence(tx, unitCode, day.yymmdd);
  const registerLine = await nextSequence(tx, unitCode, day.year);
  return {
    code: formatDossierCode(unitCode, day.yymmdd, sequence),
    unitCode,
    registerBook: day.year,
    registerLine,
    dueAt: clock.dueAt(receivedAt, procedure),
  };
}
