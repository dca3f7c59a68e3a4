import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, executedRows } from "@/db/client";
import { toLocalDate } from "@/lib/calendar/time";

/** The reception day in Vietnam: "2025-08-12" (for unit-code validity) and "250812" (for the code). */
export function receptionDay(at: Date): { iso: string; yymmdd: string; year: string } {
  const iso = toLocalDate(at);
  return { iso, yymmdd: iso.slice(2).replaceAll("-", ""), year: iso.slice(0, 4) };
}

/**
 * `<unit code>-<YYMMDD>-<sequence>`: at least four digits, longer past 9999 (Circular 03/2025 art. 13). The one
 * place a dossier code is formatted, in SQL because the intake statement numbers dossiers inside PostgreSQL.
 */
export function dossierCodeSql(unitCode: string, yymmdd: string, sequence: SQL): SQL {
  const digits = sql`case when ${sequence} < 10000 then lpad(${sequence}::text, 4, '0') else ${sequence}::text end`;
  return sql`${unitCode} || '-' || ${yymmdd} || '-' || ${digits}`;
}

/**
 * The code and register line of one dossier received on `day` by `unitCode`, inside the caller's transaction.
 * The upsert locks the day's and the year's counter rows (in that order, the same for everyone) until commit,
 * so concurrent receptions queue up and a rolled-back one leaves no gap.
 */
export async function nextDossierNumber(
  tx: DbOrTx,
  unitCode: string,
  day: { yymmdd: string; year: string },
): Promise<{ code: string; registerLine: number }> {
  const [row] = executedRows<{ code: string; register_line: number }>(
    await tx.execute(sql`
      with seq as (
        insert into dossier_sequences (unit_code, day, last)
        values (${unitCode}, ${day.yymmdd}, 1), (${unitCode}, ${day.year}, 1)
        on conflict (unit_code, day) do update set last = dossier_sequences.last + 1
        returning day, last
      )
      select ${dossierCodeSql(unitCode, day.yymmdd, sql`s.last`)} as code, b.last as register_line
      from seq s join seq b on s.day = ${day.yymmdd} and b.day = ${day.year}`),
  );
  return { code: row.code, registerLine: Number(row.register_line) };
}
