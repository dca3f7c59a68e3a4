import type { Ctx } from "@/lib/auth/actor";
import { dbOf } from "@/lib/services/context";
import { writeAudit } from "./write";

const labels = {
  followers: "người quan tâm OA",
  ratings: "đánh giá",
  statutory_report: "dòng báo cáo định kỳ",
  announcement_recipients: "người nhận tin thông báo",
} as const;

/**
 * A bulk copy of personal data leaves the system: who, with which filter, how many rows (Law 91/2025). Called by
 * the export verb after its own permission check, in its transaction when ctx.db is one.
 */
export async function auditExport(
  ctx: Ctx,
  input: {
    kind: keyof typeof labels;
    filter: Record<string, unknown>;
    rows: number;
    entityId?: string | number;
    /** The unit the copied data belongs to, when narrower than the caller's own. */
    unitId?: number;
  },
): Promise<void> {
  await writeAudit(dbOf(ctx), ctx, {
    action: `${input.kind}.export`,
    entityType: input.kind,
    entityId: input.entityId ?? null,
    summary: `Xuất ${input.rows} ${labels[input.kind]} ra tệp`,
    changes: { filter: input.filter, rows: input.rows },
    unitId: input.unitId,
  });
}
