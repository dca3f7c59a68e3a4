import { DOSSIER_CODE } from "@/lib/dossiers/code-pattern";
import { isVnIdNumber, normalizeVnMobile } from "@/lib/phone";
import { foldForSearch, nfc } from "@/lib/text";

export type TextIntent =
  | { kind: "code"; code: string }
  | { kind: "phone"; phone84: string }
  | { kind: "idNumber"; idNumber: string }
  | { kind: "keyword"; keyword: "lookup" | "help" }
  | { kind: "badCode"; text: string }
  | { kind: "other" };

// Older 13-digit receipt numbers.
const RECEIPT_NUMBER = /^\d{13}$/;
// What a citizen may put in front of a code: "#TRACUU H27…", "tra cứu hồ sơ: …", "mã hồ sơ …".
const LOOKUP_PREFIX = /^(#\s*tra\s*cuu|tra\s+cuu(?:\s+ho\s+so)?|ma\s+(?:ho\s+so|so\s+bien\s+nhan|bien\s+nhan))\s*:?\s*/;
const HELP_WORDS = new Set(["#hotro", "ho tro", "tro giup", "help", "#help", "huong dan"]);
const LOOKUP_WORDS = new Set(["#tracuu", "tra cuu", "tra cuu ho so"]);

/** Like foldForSearch but one character for one, so a match's length applies to the original text. */
function foldKeepingLength(text: string): string {
  return text.replace(/./gsu, (ch) =>
    ch === "đ" || ch === "Đ"
      ? "d"
      : ch
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase() || ch,
  );
}

/** What a citizen's chat text asks for. Pure: the handler decides what to look up and what to answer. */
export function classifyText(input: string): TextIntent {
  const text = nfc(input).trim();
  const folded = foldForSearch(text);
  if (HELP_WORDS.has(folded)) return { kind: "keyword", keyword: "help" };
  if (LOOKUP_WORDS.has(folded)) return { kind: "keyword", keyword: "lookup" };
  const code = DOSSIER_CODE.exec(text.toUpperCase());
  if (code) return { kind: "code", code: code[0] };
  const prefix = LOOKUP_PREFIX.exec(foldKeepingLength(text));
  const rest = prefix ? text.slice(prefix[0].length).trim() : text;
  const compact = rest.replace(/[\s.\-()]/g, "");
  if (RECEIPT_NUMBER.test(compact)) return { kind: "code", code: compact };
  const phone84 = normalizeVnMobile(rest);
  if (phone84) return { kind: "phone", phone84 };
  if (/^\d+$/.test(compact) && isVnIdNumber(compact)) return { kind: "idNumber", idNumber: compact };
  const looksLikeCode = /^[A-Za-z0-9.\-_/]{4,40}$/.test(rest) && (rest.match(/\d/g)?.length ?? 0) >= 3;
  if (looksLikeCode || (prefix && rest)) return { kind: "badCode", text: rest.slice(0, 40) };
  return { kind: "other" };
}
