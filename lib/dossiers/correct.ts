import { eq } from "drizzle-orm";
import { dossiers, procedures } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { ConflictError, ValidationError } from "@/lib/errors";
import { issueReceipt } from "@/lib/dossiers/receipt-issue";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { actorName, writeHistory } from "./events";
import { terminalStatuses } from "./lifecycle";
import { receivedComponents } from "./receive";
import { correctionSchema } from "./schemas";
import { dossierSearchText } from "./search-text";
import { lockDossierInScope } from "./transition";

/**
 * Corrects what was typed at the desk (people, components, sets, notes) after the receipt was printed.
 * A received dossier gets a new receipt version; the earlier versions stay viewable.
 */
export async function correctDossier(ctx: Ctx, raw: unknown): Promise<{ code: string; receiptVersion: number | null }> {
  requirePermission(ctx, "dossiers.create");
  const input = parseInput(correctionSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const d = await lockDossierInScope(tx, ctx, input.code);
    if (terminalStatuses.includes(d.status)) throw new ConflictError("errors.dossier.closed");
    if (d.notifyZalo && !input.submitterPhone) {
      throw new ValidationError({
        submitterPhone: "errors.dossier.zaloPhoneRequired",
      });
    }
    if (d.notifySms && !input.submitterPhone)
      throw new ValidationError({
        submitterPhone: "errors.dossier.smsPhoneRequired",
      });
    const [procedure] = await tx.select().from(procedures).where(eq(procedures.id, d.procedureId));
    const same = input.ownerSameAsSubmitter;
    const after = {
      submitterName: input.submitterName,
      submitterIdNumber: input.submitterIdNumber ?? null,
      submitterPhone84: input.submitterPhone ?? null,
      submitterEmail: input.submitterEmail ?? null,
      submitterAddress: input.submitterAddress ?? null,
      ownerSameAsSubmitter: same,
      ownerName: same ? input.submitterName : input.ownerName!,
      ownerIdNumber: (same ? input.submitterIdNumber : input.ownerIdNumber) ?? null,
      ownerPhone84: (same ? input.submitterPhone : input.ownerPhone) ?? null,
      ownerEmail: (same ? input.submitterEmail : input.ownerEmail) ?? null,
      ownerAddress: (same ? input.submitterAddress : input.ownerAddress) ?? null,
      authorizationDocument: same ? null : (input.authorizationDocument ?? null),
      components: receivedComponents(input.components, procedure),
      setsCount: input.setsCount,
      notes: input.notes ?? null,
    };
    const changes = diff(d as unknown as Record<string, unknown>, after);
    if (!Object.keys(changes).length) throw new ValidationError({ _form: "errors.dossier.nothingChanged" });
    const now = ctx.now ?? new Date();
    const [updated] = await tx
      .update(dossiers)
      .set({ ...after, searchText: dossierSearchText({ ...d, ...after }), updatedAt: now })
      .where(eq(dossiers.id, d.id))
      .returning();
    const who = await actorName(tx, ctx);
    const receiptVersion = d.status === "submitted" ? null : await issueReceipt(tx, ctx, updated, who, now);
    await writeHistory(tx, ctx, {
      dossierId: d.id,
      from: d.status,
      to: d.status,
      action: "correct",
      actorName: who,
      note: input.reason,
      data: { fields: Object.keys(changes), receiptVersion },
      at: now,
    });
    await writeAudit(tx, ctx, {
      action: "dossier.correct",
      entityType: "dossier",
      entityId: d.code,
      unitId: d.unitId,
      summary: `Điều chỉnh thông tin hồ sơ ${d.code}${
        receiptVersion ? `, cấp lại giấy tiếp nhận lần ${receiptVersion}` : ""
      }`,
      // The names of the fields only: the audit log is read widely and kept long, the personal values are not its to
      // keep.
      changes: { fields: Object.keys(changes) },
    });
    return { code: d.code, receiptVersion };
  });
}
