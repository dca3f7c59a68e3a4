import { eq } from "drizzle-orm";
import { cannedAnswers } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { cannedInScope } from "./save-canned";
import { cannedDeleteSchema } from "./schemas";

/** Deletes a canned answer (replies already sent keep their text). */
export async function deleteCannedAnswer(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.manage");
  const { id } = parseInput(cannedDeleteSchema, raw);
  await withTransaction(ctx, async (ctx, tx) => {
    const before = await cannedInScope(tx, ctx, id);
    await tx.delete(cannedAnswers).where(eq(cannedAnswers.id, id));
    await writeAudit(tx, ctx, {
      action: "canned.delete",
      entityType: "canned_answer",
      entityId: id,
      unitId: before.unitId,
      summary: `Xóa mẫu trả lời "${before.title}"`,
      changes: { title: before.title, body: before.body, unitId: before.unitId },
    });
  });
}
