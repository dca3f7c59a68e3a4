/** Runs of digit groups separated by single spaces ("0912 345 678", "042 095 001 234", "+84 912 345 678"). */
const DIGIT_GROUPS = /(?<![\d])(?:\+?84 ?)?\d+(?: \d{2,})*(?![\d])/g;
const MIN_DIGITS = 8;
const MAX_DIGITS = 13;

/** Within one run of groups, masks every stretch of consecutive groups that holds a phone or ID number's digits. */
function maskGroups(run: string): string {
  const groups = run.split(" ");
  const digitsIn = (from: number, to: number) => groups.slice(from, to).join("").replace(/\D/g, "").length;
  const out: string[] = [];
  for (let i = 0; i < groups.length;) {
    let end = i + 1;
    while (end < groups.length && digitsIn(i, end + 1) <= MAX_DIGITS) end++;
    while (end > i + 1 && digitsIn(i, end) > MAX_DIGITS) end--;
    const count = digitsIn(i, end);
    if (count >= MIN_DIGITS && count <= MAX_DIGITS) {
      out.push(maskDigits(groups.slice(i, end).join("")));
      i = end;
    } else {
      out.push(groups[i]);
      i++;
    }
  }
  return out.join(" ");
}

/** "0912345678" → "091*****78"; keeps enough for staff to recognise a number, not to use it. */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  return digits.slice(0, 3) + "*".repeat(digits.length - 5) + digits.slice(-2);
}

/** Masks every phone- or ID-number-like run of digits inside free text (logs, public pages). */
export function maskSensitiveText(text: string): string {
  return text.replace(DIGIT_GROUPS, maskGroups);
}

/**
 * A database error as logs may show it: SQLSTATE and constraint only. The driver's message, `detail` and the
 * wrapper's "Failed query … params: …" carry every value of the statement (names, addresses, secrets).
 */
function databaseErrorSummary(err: unknown): Record<string, unknown> | null {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as {
      code?: unknown;
      constraint_name?: string;
      constraint?: string;
      table_name?: string;
      table?: string;
    };
    if (typeof pg.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code)) {
      return {
        name: "DatabaseError",
        code: pg.code,
        constraint: pg.constraint_name ?? pg.constraint ?? null,
        table: pg.table_name ?? pg.table ?? null,
      };
    }
  }
  const message = err instanceof Error ? err.message : "";
  return message.startsWith("Failed query") ? { name: "DatabaseError", code: null, constraint: null } : null;
}

/** "NGUYỄN VĂN LÂM" → "NGUYỄN V*** L***": the family name stays, given names are reduced to an initial. */
export function maskPersonName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length <= 1) return parts[0] ? parts[0][0] + "***" : "";
  return [parts[0], ...parts.slice(1).map((p) => Array.from(p)[0] + "***")].join(" ");
}

export function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === "string") return maskSensitiveText(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if (value instanceof Error)
      return (
        databaseErrorSummary(value) ?? {
          message: maskSensitiveText(value.message),
          name: value.name,
          stack: value.stack && maskSensitiveText(value.stack),
        }
      );
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = /secret|password|token|authorization|cookie/i.test(k) ? "[redacted]" : maskDeep(v, depth + 1);
    return out;
  }
  return value;
}

/** An error's message fit to store or log: a database error becomes its SQLSTATE, constraint and table only. */
export function safeErrorMessage(err: unknown): string {
  const db = databaseErrorSummary(err);
  if (db) {
    const parts = [
      db.code && `mã ${db.code}`,
      db.constraint && `ràng buộc ${db.constraint}`,
      db.table && `bảng ${db.table}`,
    ];
    return `Lỗi cơ sở dữ liệu${parts.some(Boolean) ? ` (${parts.filter(Boolean).join(", ")})` : ""}`;
  }
  return err instanceof Error ? err.message : String(err);
}
