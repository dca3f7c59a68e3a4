import { eq, sql } from "drizzle-orm";
import { type DbOrTx, executedRows } from "@/db/client";
import { type Conversation, type ConversationCategory, conversations } from "@/db/schema";
import { toLocalDate } from "@/lib/calendar";
import { type DossierClock, loadClock } from "@/lib/dossiers/clock";
import { formatDate } from "@/lib/format";
import { categoryLabels } from "./labels";
import { queueOutgoing } from "./outbox";
import { type ConversationSettings, getConversationSettings } from "./settings";

/** The legal answer date: `days` working days from `from` on the owning unit's calendar (holidays, make-up days). */
export async function deadlineFor(
  db: DbOrTx,
  unitId: number,
  category: ConversationCategory,
  from: Date,
): Promise<Date | null> {
  return deadlines(db)(unitId, category, from);
}

/** deadlineFor for many conversations: the settings and each unit's calendar are read once. */
export function deadlines(db: DbOrTx) {
  let settings: Promise<ConversationSettings> | null = null;
  const clocks = new Map<number, Promise<DossierClock>>();
  return async (unitId: number, category: ConversationCategory, from: Date): Promise<Date | null> => {
    settings ??= getConversationSettings(db);
    const days = (await settings).deadlineDays[category];
    if (!days || days <= 0) return null;
    if (!clocks.has(unitId)) clocks.set(unitId, loadClock(db, unitId));
    const clock = await clocks.get(unitId)!;
    return clock.dueAt(from, { processingDays: days, processingHours: null, cutoffTime: null });
  };
}

/** "PAKN-2026-000042": a yearly-looking, globally unique reference the citizen can quote. */
async function nextReference(db: DbOrTx, at: Date): Promise<string> {
  const [row] = executedRows<{ n: string }>(await db.execute(sql`select nextval('petition_reference_seq')::text as n`));
  return `PAKN-${toLocalDate(at).slice(0, 4)}-${String(row.n).padStart(6, "0")}`;
}

function acknowledgementText(c: Pick<Conversation, "category">, reference: string, dueAt: Date | null): string {
  const kind = categoryLabels[c.category].toLowerCase();
  const due = dueAt ? ` Thời hạn trả lời: ${formatDate(dueAt)}.` : "";
  return (
    `Bộ phận Một cửa đã tiếp nhận ${kind} của Ông/Bà, số tiếp nhận ${reference}.${due} ` +
    "Ông/Bà vui lòng ghi lại số này để theo dõi. Trân trọng!"
  );
}

/**
 * Makes the conversation a petition (phản ánh / kiến nghị) once: reference number, legal deadline from now
 * and an acknowledgement queued to the citizen, all in the caller's transaction.
 */
export async function openPetition(
  tx: DbOrTx,
  c: Conversation,
  recipientUserId: string,
  at: Date,
): Promise<Conversation> {
  if (c.referenceNumber) return c;
  const reference = await nextReference(tx, at);
  const dueAt = await deadlineFor(tx, c.unitId, c.category, at);
  const [updated] = await tx
    .update(conversations)
    .set({ referenceNumber: reference, petitionAt: at, dueAt, updatedAt: at })
    .where(eq(conversations.id, c.id))
    .returning();
  await queueOutgoing(tx, {
    conversationId: c.id,
    text: acknowledgementText(updated, reference, dueAt),
    channel: "cs",
    recipient: recipientUserId,
    source: "system",
    at,
  });
  return updated;
}
