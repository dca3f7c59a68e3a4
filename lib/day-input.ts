/**
 * Dates typed the Vietnamese way. Native date inputs show the browser's format (mm/dd/yyyy in an English
 * browser), so the portal's date fields are text in dd/mm/yyyy; forms and URLs may still carry yyyy-mm-dd.
 */
export function dayFromInput(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const s = v.trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!vn) return s;
  const [, d, m, y] = vn;
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const check = new Date(`${iso}T00:00:00Z`);
  // 31/02/2025 is not a day: leave it as typed so validation refuses it.
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(iso) ? iso : s;
}

/** "2025-08-12" → "12/08/2025" for a date field; anything else as is. */
export function dayForInput(v: string | null | undefined): string {
  if (!v) return "";
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : v;
}
