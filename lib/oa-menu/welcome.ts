import type { DbOrTx } from "@/db/client";
import { loadBotTexts } from "@/lib/chat-flows/texts";
import { menuWelcomeText } from "./entries";

/** The part of the welcome message listing the OA menu's enabled entries, or null when none is enabled. */
export async function oaMenuWelcome(db: DbOrTx): Promise<string | null> {
  const list = await menuWelcomeText(db);
  return list ? (await loadBotTexts(db)).t("welcomeMenu", { list }) : null;
}
