import { cookies } from "next/headers";
import { en } from "./messages/en";
import { type Messages, vi } from "./messages/vi";
import type { Locale } from "./translate";

export type { Locale, Translator } from "./translate";
export type { Messages };
const LOCALE_COOKIE = "lang";

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : vi;
}

export async function currentLocale(): Promise<Locale> {
  const c = await cookies();
  return c.get(LOCALE_COOKIE)?.value === "en" ? "en" : "vi";
}
