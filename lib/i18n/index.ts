import { cookies } from "next/headers";
import { en } from "./messages/en";
import { type Messages, vi } from "./messages/vi";

export type Locale = "vi" | "en";
export type { Messages };
const LOCALE_COOKIE = "lang";

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : vi;
}

export async function currentLocale(): Promise<Locale> {
  const c = await cookies();
  return c.get(LOCALE_COOKIE)?.value === "en" ? "en" : "vi";
}

export async function getMessages(): Promise<Messages> {
  return messagesFor(await currentLocale());
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
