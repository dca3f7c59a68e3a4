import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { vi } from "@/lib/i18n/messages/vi";
import { auditActions, isAuditAction } from "./actions";

/** The catalogue entry at the action's dotted path ("zalo.oauth.start"), if it is a text. */
function labelOf(tree: unknown, action: string): string | undefined {
  const leaf = action.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
  return typeof leaf === "string" ? leaf : undefined;
}

describe("audit actions", () => {
  it.each([
    ["vi", vi],
    ["en", en],
  ] as const)("each one writeAudit accepts has a label in %s (the audit page shows no codes)", (_, messages) => {
    const unlabelled = auditActions.filter((a) => !labelOf(messages.desk.auditActions, a)?.trim());
    expect(unlabelled).toEqual([]);
  });

  it("labels are words, not the code, and differ between the languages", () => {
    for (const a of auditActions) {
      expect(labelOf(vi.desk.auditActions, a)).not.toBe(a);
      expect(labelOf(vi.desk.auditActions, a)).not.toBe(labelOf(en.desk.auditActions, a));
    }
  });

  it("are listed once, and an unknown action is told apart", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
    expect(isAuditAction("conversation.transfer")).toBe(true);
    expect(isAuditAction("conversation")).toBe(false);
  });
});
