import { foldForSearch } from "@/lib/text";

const CANCEL = new Set(["huy", "thoat", "#huy", "dung", "huy bo"]);
const HELP = new Set(["?", "huong dan", "tro giup", "help", "giup"]);
const YES = new Set(["1", "dong y", "xac nhan", "ok", "co", "yes"]);
const NO = new Set(["2", "chon lai", "khong"]);

/** Folded like search terms, with trailing punctuation a phone keyboard adds ("Hủy." → "huy"). */
export function foldInput(text: string): string {
  return foldForSearch(text)
    .replace(/[.!,;:]+$/, "")
    .trim();
}

export const isCancel = (folded: string) => CANCEL.has(folded);
export const isHelp = (folded: string) => HELP.has(folded);
export const isYes = (folded: string) => YES.has(folded);
export const isNo = (folded: string) => NO.has(folded);

/** "2", "số 2", "2." → 2 when 0 ≤ n ≤ max; otherwise null. */
export function parseChoice(folded: string, max: number): number | null {
  const m = /^(?:so\s*)?(\d{1,2})$/.exec(folded);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 0 && n <= max ? n : null;
}

/** "khác: bán rượu" → "bán rượu"; "khác" → ""; anything else → null. */
export function otherText(text: string): string | null {
  const m = /^\s*(kh[aá]c)(?:\s*[:\-–]\s*|\s+|$)(.*)$/isu.exec(text.normalize("NFC"));
  if (!m || foldForSearch(m[1]) !== "khac") return null;
  return m[2].trim();
}
