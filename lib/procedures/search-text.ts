import { and, asc, ilike, type SQL, sql } from "drizzle-orm";
import { procedures } from "@/db/schema";
import { foldForSearch } from "@/lib/text";

/** What the trigram index holds: code and name first, so an earlier match ranks a name hit above an agency hit. */
export function procedureSearchText(p: {
  code?: string | null;
  name: string;
  field: string;
  agency?: string | null;
}): string {
  return foldForSearch([p.code, p.name, p.field, p.agency].filter(Boolean).join(" "));
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Diacritics-insensitive match: every word of the folded term must occur in search_text (so "ban le ruou" finds
 * "Cấp Giấy phép bán lẻ rượu"); each ILIKE '%word%' is served by the pg_trgm GIN index.
 * Returns null for a blank term.
 */
export function procedureTermMatch(q: string | null | undefined): { where: SQL; orderBy: SQL[] } | null {
  const folded = foldForSearch(q ?? "");
  if (!folded) return null;
  const words = [...new Set(folded.split(" "))];
  const where = and(...words.map((w) => ilike(procedures.searchText, `%${escapeLike(w)}%`)))!;
  const exactCode = sql`case when lower(${procedures.code}) = ${folded} then 0 else 1 end`;
  // Position of the whole phrase (or, failing that, of the first word): earlier means a name hit rather than an agency
  // hit.
  const phrasePos = sql`coalesce(nullif(strpos(${procedures.searchText}, ${folded}), 0), 1000 +
    strpos(${procedures.searchText}, ${words[0]}))`;
  return { where, orderBy: [asc(exactCode), asc(phrasePos), asc(procedures.name)] };
}
