const PHONE_OR_ID = /(?<![\d])(\+?84|0)?\d{8,11}(?![\d])/g;

/** "0912345678" → "091*****78"; keeps enough for staff to recognise a number, not to use it. */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  return digits.slice(0, 3) + "*".repeat(digits.length - 5) + digits.slice(-2);
}

/** Masks every phone- or ID-number-like run of digits inside free text (logs, public pages). */
export function maskSensitiveText(text: string): string {
  return text.replace(PHONE_OR_ID, (m) => maskDigits(m));
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
    if (value instanceof Error) return { message: maskSensitiveText(value.message), name: value.name, stack: value.stack && maskSensitiveText(value.stack) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = /secret|password|token|authorization|cookie/i.test(k) ? "[redacted]" : maskDeep(v, depth + 1);
    return out;
  }
  return value;
}
