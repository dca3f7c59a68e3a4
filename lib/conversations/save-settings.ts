import { conversationCategories, conversationSettings } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { settingsSchema } from "./schemas";
import { getConversationSettings } from "./settings";

/** Form fields "deadlineDays.<category>" (or an already nested object) → the schema's shape. */
function nested(raw: unknown): Record<string, unknown> {
  const r = (raw ?? {}) as Record<string, unknown>;
  const given = (r.deadlineDays ?? {}) as Record<string, unknown>;
  return {
    ...r,
    deadlineDays: Object.fromEntries(conversationCategories.map((c) => [c, r[`deadlineDays.${c}`] ?? given[c]])),
  };
}

/**
 * The inbox settings: legal deadline per category in working days (0 = none), whether paid consultation
 * replies (48 h – 7 days) are allowed, and the approved ZBS template for answers after 7 days.
 */
export async function saveConversationSettings(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.manage");
  const input = parseInput(settingsSchema, nested(raw));
  await withTransaction(ctx, async (ctx, tx) => {
    const before = await getConversationSettings(tx);
    const values = {
      deadlineDays: input.deadlineDays,
      allowPaidReplies: input.allowPaidReplies,
      zbsTemplateId: input.zbsTemplateId ?? null,
      updatedAt: new Date(),
    };
    await tx
      .insert(conversationSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: conversationSettings.id, set: values });
    await writeAudit(tx, ctx, {
      action: "conversation.settings",
      entityType: "conversation_settings",
      summary: "Cập nhật cài đặt hỏi đáp, phản ánh, kiến nghị",
      changes: {
        before: {
          deadlineDays: before.deadlineDays,
          allowPaidReplies: before.allowPaidReplies,
          zbsTemplateId: before.zbsTemplateId,
        },
        after: {
          deadlineDays: values.deadlineDays,
          allowPaidReplies: values.allowPaidReplies,
          zbsTemplateId: values.zbsTemplateId,
        },
      },
    });
  });
}
