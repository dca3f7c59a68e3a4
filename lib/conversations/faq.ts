import { asc, desc, eq } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { maskSensitiveText } from "@/lib/privacy";
import { dbOf, withTransaction } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";
import { faqSchema } from "./schemas";
import { lockConversationInScope } from "./scope";

/**
 * Saves the edited question and answer of a conversation to the FAQ (published or as a draft). Phone and
 * ID numbers left in the edited text are masked again before anything is stored.
 */
export async function saveFaqEntry(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "conversations.reply");
  const input = parseInput(faqSchema, raw);
  const now = ctx.now ?? new Date();
  return withTransaction(ctx, async (ctx, tx) => {
    const { conversation: c } = await lockConversationInScope(tx, ctx, input.conversationId);
    const values = {
      unitId: c.unitId,
      conversationId: c.id,
      field: input.field,
      question: maskSensitiveText(input.question),
      answer: maskSensitiveText(input.answer),
      published: !!input.published,
      publishedAt: input.published ? now : null,
      updatedBy: ctx.actor.label,
      updatedAt: now,
    };
    const [existing] = await tx
      .select({ id: faqEntries.id })
      .from(faqEntries)
      .where(eq(faqEntries.conversationId, c.id));
    const [row] = existing
      ? await tx.update(faqEntries).set(values).where(eq(faqEntries.id, existing.id)).returning()
      : await tx.insert(faqEntries).values(values).returning();
    await writeAudit(tx, ctx, {
      action: "faq.save",
      entityType: "faq",
      entityId: row.id,
      unitId: c.unitId,
      summary: `${row.published ? "Đăng" : "Lưu nháp"} hỏi đáp từ hội thoại #${c.id}`,
    });
    return row;
  });
}

/**
 * The public FAQ: published entries grouped by field, newest first within a field. No personal data is stored there.
 */
export async function publishedFaq(
  db: Db = getDb(),
): Promise<{ field: string; entries: { id: number; question: string; answer: string; publishedAt: Date | null }[] }[]> {
  const rows = await db
    .select({
      id: faqEntries.id,
      field: faqEntries.field,
      question: faqEntries.question,
      answer: faqEntries.answer,
      publishedAt: faqEntries.publishedAt,
    })
    .from(faqEntries)
    .where(eq(faqEntries.published, true))
    .orderBy(asc(faqEntries.field), desc(faqEntries.publishedAt));
  const groups = new Map<string, { id: number; question: string; answer: string; publishedAt: Date | null }[]>();
  for (const r of rows) {
    if (!groups.has(r.field)) groups.set(r.field, []);
    groups.get(r.field)!.push({ id: r.id, question: r.question, answer: r.answer, publishedAt: r.publishedAt });
  }
  return [...groups].map(([field, entries]) => ({ field, entries }));
}

export async function faqOfConversation(ctx: Ctx, conversationId: number) {
  requirePermission(ctx, "conversations.read");
  const db = dbOf(ctx);
  const [row] = await db.select().from(faqEntries).where(eq(faqEntries.conversationId, conversationId));
  return row ?? null;
}
