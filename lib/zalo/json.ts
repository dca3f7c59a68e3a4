// Zalo ids and timestamps can exceed 2^53; some payloads carry them as bare numbers (zalo-api.md §1.1).
// Integers of 16+ digits outside strings are quoted before parsing, so they survive as exact strings.
const BIG_INT_OUTSIDE_STRINGS = /("(?:\\.|[^"\\])*")|(-?\d{16,})(?=\s*[,}\]])/g;

/** JSON.parse that keeps long integers as strings. */
export function parseZaloJson(text: string): unknown {
  return JSON.parse(
    text.replace(BIG_INT_OUTSIDE_STRINGS, (m, str: string | undefined, num: string | undefined) =>
      str !== undefined ? str : `"${num}"`,
    ),
  );
}

/** "123" | 123 | null → "123" | null, for ids that must stay strings. */
export function idString(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return String(value);
}
