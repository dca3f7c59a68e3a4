import type { TemplateParam } from "@/db/schema/notifications";
import { type MessageContext, isMessageField, messageFields } from "./fields";

/** CS text limit (zalo-api.md §1.3). */
export const CS_TEXT_MAX = 2000;

/** NFC first, then cut by characters (not UTF-16 units) with an ellipsis, so Zalo's length check passes. */
export function fitLength(value: string, max: number): string {
  const chars = Array.from(value.normalize("NFC").replace(/\s+/g, " ").trim());
  if (chars.length <= max) return chars.join("");
  if (max <= 1) return chars.slice(0, max).join("");
  return (
    chars
      .slice(0, max - 1)
      .join("")
      .trimEnd() + "…"
  );
}

function fieldValue(field: string, ctx: MessageContext): string {
  return isMessageField(field) ? messageFields[field](ctx) : "";
}

/** Zalo refuses empty template parameters (-111/-112); an absent value reads as a dash instead. */
export const EMPTY_PARAM = "—";

/** template_data for a ZBS send: each parameter from its snapshot field, within its length limit. */
export function renderZbsParams(params: TemplateParam[], ctx: MessageContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of params) out[p.param] = fitLength(fieldValue(p.field, ctx), p.maxLength) || EMPTY_PARAM;
  return out;
}

/** Consultation text: "{code}"-style placeholders replaced by snapshot fields; unknown names stay visible. */
export function renderCsText(text: string, ctx: MessageContext): string {
  const filled = text
    .normalize("NFC")
    .replace(/\{(\w+)\}/g, (whole, name: string) => (isMessageField(name) ? messageFields[name](ctx) : whole));
  const chars = Array.from(filled.normalize("NFC").trim());
  return chars.length <= CS_TEXT_MAX ? chars.join("") : chars.slice(0, CS_TEXT_MAX - 1).join("") + "…";
}

/** Placeholders in a CS text that name no field: shown to the admin as a validation error. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => !isMessageField(n));
}
