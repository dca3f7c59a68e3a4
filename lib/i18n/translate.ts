import { createTranslator, type useTranslations } from "next-intl";
import { en } from "./messages/en";
import { vi } from "./messages/vi";

export type Locale = "vi" | "en";

/** The root translator (any key of the catalogue), for helpers shared by server and client components. */
export type Translator = ReturnType<typeof useTranslations<never>>;

/** A catalogue key with its values; a value may itself be a key (a field label, a status name). */
export interface MessageRef {
  key: string;
  values?: Record<string, MessageValue>;
}
export type MessageValue = string | number | MessageRef;

const SEP = "|";
const KEY = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;

/**
 * Packs a key and its values into one string, so that it travels where only a string fits
 * (a zod issue message, a field error) and is translated where the caller's locale is known.
 */
export function msg(key: string, values?: Record<string, MessageValue>): string {
  return values ? `${key}${SEP}${JSON.stringify(values)}` : key;
}

export function ref(key: string, values?: Record<string, MessageValue>): MessageRef {
  return values ? { key, values } : { key };
}

type Keys<T> = { [K in keyof T]: T[K] extends string ? string : Keys<T[K]> };

/** The same tree with every sentence replaced by its own key: `keysOf(vi.x.y, "x.y").z === "x.y.z"`. */
export function keysOf<T extends object>(tree: T, prefix: string): Keys<T> {
  return Object.fromEntries(
    Object.entries(tree).map(([k, v]) => [k, typeof v === "string" ? `${prefix}.${k}` : keysOf(v, `${prefix}.${k}`)]),
  ) as Keys<T>;
}

function unpack(packed: string): MessageRef {
  const at = packed.indexOf(SEP);
  if (at < 0 || !KEY.test(packed.slice(0, at))) return { key: packed };
  try {
    return { key: packed.slice(0, at), values: JSON.parse(packed.slice(at + 1)) as MessageRef["values"] };
  } catch {
    return { key: packed };
  }
}

const translators = {
  vi: createTranslator({ locale: "vi", messages: vi, timeZone: "Asia/Ho_Chi_Minh" }),
  en: createTranslator({ locale: "en", messages: en, timeZone: "Asia/Ho_Chi_Minh" }),
};

/** A translator outside React (chat texts, PDFs, service messages): the same catalogue and ICU syntax. */
export function translatorFor(locale: Locale): Translator {
  return translators[locale] as unknown as Translator;
}

type Loose = (key: string, values?: Record<string, string | number>) => string;

function render(locale: Locale, m: MessageRef): string {
  const t = translators[locale];
  // Zalo's own reasons and other literal text pass through untouched.
  if (!KEY.test(m.key) || !t.has(m.key as never)) return m.key;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) values[k] = typeof v === "object" ? render(locale, v) : v;
  return (t as unknown as Loose)(m.key, values);
}

/** The sentence a key (packed with `msg`, or a ref) stands for in the given language. */
export function translate(locale: Locale, message: string | MessageRef): string {
  return render(locale, typeof message === "string" ? unpack(message) : message);
}

/** "en" when the request prefers English (Accept-Language), otherwise Vietnamese. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  const first = header?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
