import { and, asc, desc, inArray, or, type SQL, sql } from "drizzle-orm";
import { pgArrayLiteral } from "@/db/client";
import { executePrepared } from "@/db/prepared";
import { dossierSearch, dossierSearchKeys, dossiers } from "@/db/schema";
import type { Ctx } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dbOf, withTransaction } from "@/lib/services/context";
import type { DossierListQuery } from "./list-query";
import { foldSearchTerm } from "./search-text";

/**
 * The list's search box: the strategies (word-start keys, substring through trigrams, walking the date index)
 * and the planner settings they need live here and nowhere else.
 */
function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type KeyRange = [from: string, to: string];

/** The key range [from, to) of every key that starts with `prefix` (keys are in the "C" collation: byte order). */
function keyRange(prefix: string): KeyRange {
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

/**
 * A search term as ranges of the word-start keys (dossierSearchKeys), or null when it needs a substring match.
 * Words match from the start of a word of one part, in their order, the last one in part ("nguyen van a" finds
 * "Nguyễn Văn An", "van an" too, "0912 345" a phone); a phone typed without its 0 is looked up with it too.
 */
function keyRanges(term: string): KeyRange[] | null {
  if (/^\d{6,}$/.test(term)) return [term, ...(/^(0|84)/.test(term) ? [] : [`0${term}`])].map(keyRange);
  return term.split(" ").every((w) => /^[a-z]+$/.test(w)) ? [keyRange(term)] : null;
}

export interface SearchTerm {
  folded: string;
  /** The term as ranges of the word-start keys, or null when it needs a substring match. */
  ranges: KeyRange[] | null;
}

function keysMatch(ranges: KeyRange[], key: SQL | typeof dossierSearchKeys.key = dossierSearchKeys.key): SQL {
  return or(...ranges.map(([from, to]) => sql`(${key} >= ${from} and ${key} < ${to})`))!;
}

const substringMatch = (term: SearchTerm) => sql`${dossierSearch.searchText} like ${`%${likeEscape(term.folded)}%`}`;

/** The search box's matches in the caller's scope: dossier ids with their list date. */
function searchIds(ctx: Ctx, term: SearchTerm) {
  const db = dbOf(ctx);
  if (term.ranges) {
    return db
      .select({ id: dossierSearchKeys.dossierId, at: dossierSearchKeys.sortAt })
      .from(dossierSearchKeys)
      .where(and(keysMatch(term.ranges), inUnitScope(ctx, dossierSearchKeys.unitId)));
  }
  return db
    .select({ id: dossierSearch.dossierId, at: dossierSearch.sortAt })
    .from(dossierSearch)
    .where(and(inUnitScope(ctx, dossierSearch.unitId), substringMatch(term)));
}

export function searchTermOf(q: DossierListQuery): SearchTerm | null {
  const folded = q.q ? foldSearchTerm(q.q) : "";
  return folded ? { folded, ranges: keyRanges(folded) } : null;
}

/** Matches passed by value up to this many; beyond, the filter stays a sub-select for the planner to join. */
export const SEARCH_FILTER_IDS = 20_000;

/**
 * The search beside other filters. The matching ids are read once and handed over as one array: left as a
 * sub-select, a planner without statistics (PGlite has no autovacuum) may re-run it for every dossier row.
 */
export async function searchFilter(ctx: Ctx, term: SearchTerm): Promise<SQL> {
  const ids = await searchIds(ctx, term).limit(SEARCH_FILTER_IDS + 1);
  if (ids.length > SEARCH_FILTER_IDS) {
    const matches = searchIds(ctx, term).as("matches");
    return inArray(dossiers.id, dbOf(ctx).select({ id: matches.id }).from(matches));
  }
  return sql`${dossiers.id} = any(${pgArrayLiteral([...new Set(ids.map((r) => r.id))])}::int[])`;
}

/** Beyond this many matches a search-only list says "more than 500" instead of counting them all. */
export const SEARCH_COUNT_CAP = 500;

/** Up to this many matching keys are read, counted and ordered from the key index alone. */
export const SEARCH_KEY_SCAN = 5_000;

type SearchPage = { ids: number[]; total: number; totalCapped: boolean };

const capped = (ids: number[], total: number): SearchPage => ({
  ids,
  total: Math.min(total, SEARCH_COUNT_CAP),
  totalCapped: total > SEARCH_COUNT_CAP,
});

/**
 * One page of ids for a search term alone. A word-start term reads up to SEARCH_KEY_SCAN of its keys from the
 * key index, in one statement that counts the dossiers and orders the page; a commoner term (a surname alone)
 * walks the date index from the newest, where its matches are dense. A substring term (part of a code) is
 * matched on the search table through the trigram index, and walks the date index too beyond the cap.
 */
export async function searchPage(ctx: Ctx, term: SearchTerm, q: DossierListQuery): Promise<SearchPage> {
  const offset = (q.page - 1) * q.pageSize;
  const order = q.dir === "asc" ? sql`asc` : sql`desc`;
  const db = dbOf(ctx);
  if (term.ranges) {
    const [found] = await executePrepared<{ scanned: number; total: number; ids: number[] }>(
      db,
      sql`with m as materialized (
            select ${dossierSearchKeys.dossierId} as id, ${dossierSearchKeys.sortAt} as at from ${dossierSearchKeys}
            where ${keysMatch(term.ranges)} and ${inUnitScope(ctx, dossierSearchKeys.unitId)}
              limit ${SEARCH_KEY_SCAN + 1})
          select (select count(*) from m)::int as scanned, (select count(distinct id) from m)::int as total,
            array(select id from (select distinct id, at from m) d order by at ${order}, id desc limit ${q.pageSize}
              offset ${offset}) as ids`,
    );
    if (found.scanned <= SEARCH_KEY_SCAN) return capped(found.ids.map(Number), found.total);
    // A sub-select with a limit stays a per-row probe of the key index: joined, the planner would read every key of the
    // range.
    const hasKey = sql`(select true from ${dossierSearchKeys} k where k.dossier_id = ${dossierSearch.dossierId} and
      (${keysMatch(term.ranges, sql`k.key`)}) limit 1)`;
    return { ids: await walkInOrder(ctx, hasKey, q), total: SEARCH_COUNT_CAP, totalCapped: true };
  }
  const hits = await searchIds(ctx, term).limit(SEARCH_COUNT_CAP + 1);
  if (hits.length <= SEARCH_COUNT_CAP) {
    const sign = q.dir === "asc" ? 1 : -1;
    hits.sort((a, b) => sign * (a.at.getTime() - b.at.getTime()) || b.id - a.id);
    return capped(
      hits.slice(offset, offset + q.pageSize).map((h) => h.id),
      hits.length,
    );
  }
  return { ids: await walkInOrder(ctx, substringMatch(term), q), total: SEARCH_COUNT_CAP, totalCapped: true };
}

/** A page of a common term's matches, found by walking the date index in the list's order (dense matches come soon). */
async function walkInOrder(ctx: Ctx, match: SQL, q: DossierListQuery): Promise<number[]> {
  return withTransaction(ctx, async (_ctx, tx) => {
    // Starting parallel workers or compiling with JIT costs more (~10 ms) than the walk; sorting every match is what
    // the walk avoids.
    await tx.execute(
      sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true),
        set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`,
    );
    const page = await tx
      .select({ id: dossierSearch.dossierId })
      .from(dossierSearch)
      .where(and(inUnitScope(ctx, dossierSearch.unitId), match))
      .orderBy(
        ...(q.dir === "asc"
          ? [asc(dossierSearch.sortAt), desc(dossierSearch.dossierId)]
          : [desc(dossierSearch.sortAt), desc(dossierSearch.dossierId)]),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return page.map((r) => r.id);
  });
}
/** Only a search term, in the default order: the page and the count come from the search keys or table alone. */
export function searchOnly(q: DossierListQuery): boolean {
  const { q: term, status, procedureId, field, channel, from, to, onTime, zalo, sort } = q;
  return (
    !!term &&
    sort === "receivedAt" &&
    [status, procedureId, field, channel, from, to, onTime, zalo].every((v) => v === undefined)
  );
}
