import { eq, like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dossiers, unitCodes } from "@/db/schema";
import { ValidationError } from "@/lib/errors";

/** The issuing code in front of `-YYMMDD-NNNN`. */
function codePrefix(code: string): string {
  return code.replace(/-\d{6}-[0-9A-Z]+$/, "");
}

/**
 * Local codes are `<unit code>-YYMMDD-NNNN` of this portal's units; a national code carrying one of those unit
 * codes (valid now or ever) would take a local code before the unit issues it (and block that unit's next
 * intake) or shadow its dossier in the look-ups. Such a code is refused, so the two key spaces never meet.
 */
export async function assertNationalCodeOutsideLocalSpace(db: DbOrTx, nationalCode: string): Promise<void> {
  const [owner] = await db
    .select({ id: unitCodes.id })
    .from(unitCodes)
    .where(eq(unitCodes.code, codePrefix(nationalCode)))
    .limit(1);
  if (owner) {
    throw new ValidationError({
      nationalCode: "errors.dossier.nationalCodeIsInternal",
    });
  }
}

/** A unit code may not be issued when national codes already use it as their prefix (the reverse collision). */
export async function assertUnitCodeFreeOfNationalCodes(db: DbOrTx, unitCode: string): Promise<void> {
  const escaped = unitCode.replace(/[\\%_]/g, (c) => `\\${c}`);
  const [taken] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(like(dossiers.nationalCode, `${escaped}-%`))
    .limit(1);
  if (taken) throw new ValidationError({ code: "errors.dossier.unitCodeIsNationalPrefix" });
}
