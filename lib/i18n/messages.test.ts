import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor, type Locale } from "@/lib/i18n";

function entriesOf(o: unknown, prefix = ""): [string, string][] {
  if (typeof o === "string") return [[prefix, o]];
  if (Array.isArray(o) || !o || typeof o !== "object") return [];
  return Object.entries(o).flatMap(([k, v]) => entriesOf(v, prefix ? `${prefix}.${k}` : k));
}

// Every argument of the message is 1, which also satisfies plural and number arguments.
const valuesFor = (text: string) => Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map((m) => [m[1], 1]));

// The home-support bot's texts are an administrator's plain wording, filled without ICU: "<nội dung>" is literal.
const CHAT_TEXTS = ["homeSupport.bot."];

describe.each<Locale>(["vi", "en"])("the %s catalogue", (locale) => {
  it("parses as ICU messages", () => {
    const errors: string[] = [];
    const messages = messagesFor(locale);
    const t = createTranslator({ locale, messages, onError: (e) => errors.push(e.message) });
    for (const [key, text] of entriesOf(messages)) {
      if (!CHAT_TEXTS.some((prefix) => key.startsWith(prefix)))
        (t as (key: string, values: object) => string)(key, valuesFor(text));
    }
    expect(errors).toEqual([]);
  });
});
