import type { DbOrTx } from "@/db/client";
import { chatFlowTexts } from "@/db/schema";
import { format } from "@/lib/i18n";
import { vi } from "@/lib/i18n/messages/vi";

export type BotTextKey = keyof typeof vi.homeSupport.bot;
export const botTextKeys = Object.keys(vi.homeSupport.bot) as BotTextKey[];

export function defaultBotText(key: BotTextKey): string {
  return vi.homeSupport.bot[key];
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
      return format(overrides.get(key) ?? defaultBotText(key), values);
    },
  };
}
