import type { ConversationCategory } from "@/db/schema";
import { foldForSearch } from "@/lib/text";

export const categoryLabels: Record<ConversationCategory, string> = {
  question: "Hỏi đáp",
  report: "Phản ánh",
  petition: "Kiến nghị",
  suggestion: "Góp ý",
  other: "Khác",
};

/** Phản ánh and kiến nghị are petitions: a reference number, an acknowledgement and a legal deadline. */
export function isPetition(category: ConversationCategory): boolean {
  return category === "report" || category === "petition";
}

// Payloads of the OA menu's buttons (oa.query.show "#PAKN …") and what a citizen types to mean the same.
const MENU_PREFIXES: [RegExp, ConversationCategory][] = [
  [/^#\s*(pakn|phan\s*anh\s*kien\s*nghi)\b/, "report"],
  [/^#\s*phan\s*anh\b/, "report"],
  [/^#\s*kien\s*nghi\b/, "petition"],
  [/^#\s*gop\s*y\b/, "suggestion"],
  [/^#\s*hoi\s*dap\b/, "question"],
];

/** The category a menu payload at the start of the text names, if any. */
export function categoryFromMenu(text: string): ConversationCategory | null {
  const folded = foldForSearch(text);
  for (const [re, category] of MENU_PREFIXES) if (re.test(folded)) return category;
  return null;
}
