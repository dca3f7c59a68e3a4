import type { DbOrTx } from "@/db/client";
import { chatFlowTexts } from "@/db/schema";
import { vi } from "@/lib/i18n/messages/vi";

export type BotTextKey = keyof typeof vi.homeSupport.bot;
export const botTextKeys = Object.keys(vi.homeSupport.bot) as BotTextKey[];

export function defaultBotText(key: BotTextKey): string {
  return vi.homeSupport.bot[key];
}

/**
 * Fills `{name}` placeholders. Not the ICU translator: these texts are an administrator's wording, typed as plain
 * text ("khác: <nội dung>" would be a tag to ICU), and an unknown name stays visible rather than failing.
 */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** The {placeholders} a text fills in; an administrator's wording must keep them. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

export interface BotTexts {
  t(key: BotTextKey, values?: Record<string, string | number>): string;
}

/** The bot's texts: the catalogue's Vietnamese, replaced by an administrator's wording where one is stored. */
export async function loadBotTexts(db: DbOrTx): Promise<BotTexts> {
  const overrides = new Map((await db.select().from(chatFlowTexts)).map((r) => [r.key, r.text]));
  return {
    t(key, values = {}) {
      return fill(overrides.get(key) ?? defaultBotText(key), values);
    },
  };
}
