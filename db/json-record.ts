import { type SQL, getTableColumns, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * A row as a JSON object keyed by database column names, for `jsonb_populate_record(null::<table>, …)`:
 * several inserts can then travel as one statement with one parameter. The column list names only the keys
 * given, so the table's defaults (serial ids, now()) still apply to the rest.
 */
export function jsonRecord<T extends PgTable>(
  table: T,
  values: Partial<T["$inferInsert"]>,
): { record: Record<string, unknown>; columns: string[] } {
  const names = columnNames(table);
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = names.get(key);
    if (!name) throw new Error(`jsonRecord: ${key} is not a column`);
    if (value === undefined) continue;
    record[name] = value instanceof Date ? value.toISOString() : value;
  }
  return { record, columns: Object.keys(record) };
}

const namesByTable = new WeakMap<PgTable, Map<string, string>>();

/** Property name → database column name ("submitterPhone84" → "submitter_phone84"), worked out once per table. */
function columnNames(table: PgTable): Map<string, string> {
  let names = namesByTable.get(table);
  if (!names) {
    names = new Map(
      Object.entries(getTableColumns(table)).map(([key, column]) => [
        key,
        column.keyAsName ? toSnakeCase(column.name) : column.name,
      ]),
    );
    namesByTable.set(table, names);
  }
  return names;
}

/** `"a", "b"` — or, with a row alias, `r."a", r."b"` — from column names produced by jsonRecord. */
export function columnList(columns: string[], alias?: string): SQL {
  return sql.raw(columns.map((c) => `${alias ? `${alias}.` : ""}"${c.replace(/"/g, '""')}"`).join(", "));
}
