import type { Conversation } from "@/db/schema";
import type { Follower } from "@/lib/followers/record";
import { formatDate } from "@/lib/format";

export const CANNED_PLACEHOLDERS = ["ten", "so_tiep_nhan", "han_tra_loi", "can_bo", "don_vi"] as const;

/**
 * Placeholders in a canned answer's body that renderCanned does not know (so they would reach the citizen as typed).
 */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(CANNED_PLACEHOLDERS);
  return [...new Set([...body.matchAll(/\{(\w*)\}/g)].map((m) => m[1]).filter((k) => !known.has(k)))];
}

/**
 * Fills {ten}, {so_tiep_nhan}, {han_tra_loi}, {can_bo}, {don_vi}; an unknown placeholder stays visible for the officer
 * to fix.
 */
export function renderCanned(
  body: string,
  ctx: {
    conversation: Pick<Conversation, "id" | "referenceNumber" | "dueAt">;
    follower: Pick<Follower, "sharedName" | "displayName">;
    staffName: string;
    unitName: string;
  },
): string {
  const values: Record<string, string> = {
    ten: ctx.follower.sharedName ?? ctx.follower.displayName ?? "Ông/Bà",
    so_tiep_nhan: ctx.conversation.referenceNumber ?? `HT-${ctx.conversation.id}`,
    han_tra_loi: ctx.conversation.dueAt ? formatDate(ctx.conversation.dueAt) : "",
    can_bo: ctx.staffName,
    don_vi: ctx.unitName,
  };
  return body.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole).normalize("NFC");
}
