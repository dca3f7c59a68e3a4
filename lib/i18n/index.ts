import { cookies } from "next/headers";
import { createTranslator, type useTranslations } from "next-intl";
import { en } from "./messages/en";
import { type Messages, vi } from "./messages/vi";

export type Locale = "vi" | "en";
export type { Messages };
const LOCALE_COOKIE = "lang";

/** The root translator (any key of the catalogue), for helpers shared by server and client components. */
export type Translator = ReturnType<typeof useTranslations<never>>;

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : vi;
}

/** A translator outside React (chat texts, PDFs, service messages): the same catalogue and ICU syntax. */
export function translatorFor(locale: Locale): Translator {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone: "Asia/Ho_Chi_Minh" });
}

export async function currentLocale(): Promise<Locale> {
  const c = await cookies();
  return c.get(LOCALE_COOKIE)?.value === "en" ? "en" : "vi";
}

/** Fills `{name}` placeholders for non-React code that reads the catalogue objects directly (no ICU plurals). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
