import { foldForSearch } from "@/lib/text";

interface Searchable {
  code: string;
  nationalCode: string | null;
  submitterName: string;
  ownerName: string;
  submitterPhone84: string | null;
  ownerPhone84: string | null;
  submitterIdNumber: string | null;
  ownerIdNumber: string | null;
}

/** Phones are indexed as "84…" and "0…" so either form a citizen gives finds the dossier. */
function phoneForms(phone84: string | null): string[] {
  return phone84 ? [phone84, `0${phone84.slice(2)}`] : [];
}

/** One folded line per dossier for the trigram index: code, names (no diacritics), phones, ID numbers. */
export function dossierSearchText(d: Searchable): string {
  const parts = [
    d.code,
    d.nationalCode,
    d.submitterName,
    d.ownerName === d.submitterName ? null : d.ownerName,
    ...phoneForms(d.submitterPhone84),
    ...(d.ownerPhone84 === d.submitterPhone84 ? [] : phoneForms(d.ownerPhone84)),
    d.submitterIdNumber,
    d.ownerIdNumber === d.submitterIdNumber ? null : d.ownerIdNumber,
  ];
  return foldForSearch(parts.filter(Boolean).join(" | "));
}

/** A dossier code's tail as typed from a receipt: "261207-0002" (reception day, then the day's number). */
const CODE_TAIL = /^\d{6}-\d{1,6}$/;

/** The search box's term, folded the same way; phone numbers typed as +84 / 0 / spaced match too. */
export function foldSearchTerm(q: string): string {
  const folded = foldForSearch(q);
  if (CODE_TAIL.test(folded)) return folded;
  const digits = folded.replace(/[\s.+-]/g, "");
  return /^\d{6,}$/.test(digits) ? digits : folded;
}
