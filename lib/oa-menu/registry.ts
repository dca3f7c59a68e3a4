import type { DbOrTx } from "@/db/client";
import type { OaMenuKind } from "@/db/schema";
import type { FlowCatalog, FlowDefinition } from "@/lib/chat-flows/types";
import { foldInput } from "@/lib/chat-flows/words";
import { homeSupportFlow } from "@/lib/home-support/flow";
import { manageBookingFlow } from "@/lib/home-support/manage-flow";
import { loadMenuSettings } from "@/lib/home-support/settings";
import { loadMenu } from "./entries";
import { contactsFlow, lookupFlow, newsFlow, procedureSearchFlow } from "./flows";

const flows: FlowDefinition[] = [
  homeSupportFlow,
  manageBookingFlow,
  procedureSearchFlow,
  contactsFlow,
  newsFlow,
  lookupFlow,
];
const byName = new Map(flows.map((f) => [f.name, f]));

function flowNamed(name: string): FlowDefinition | undefined {
  return byName.get(name);
}

// Petitions are the inbox's (lib/conversations): their keyword passes through to the conversation.
const flowOfMenuKind: Record<OaMenuKind, string | null> = {
  lookup: lookupFlow.name,
  home_support: homeSupportFlow.name,
  petition: null,
  news: newsFlow.name,
  procedure_search: procedureSearchFlow.name,
  contacts: contactsFlow.name,
};

/** Besides the menu's keywords: what citizens type for seed 004's registration, and to move or cancel a booking. */
const HOME_SUPPORT_WORDS = ["dang ky ho tro tai nha", "dk ho tro tai nha", "ho tro tai nha"];
const MANAGE_WORDS = ["doi lich", "huy lich", "lich hen", "doi lich hen", "huy lich hen", "lich ho tro"];

/** The flow a text starts (a menu entry's keyword or label, the configured keyword), or null. */
export async function resolveTrigger(db: DbOrTx, folded: string): Promise<string | null> {
  if (!folded) return null;
  if (MANAGE_WORDS.includes(folded)) return manageBookingFlow.name;
  return (await triggerResolver(db))(folded);
}

/** resolveTrigger for many texts: the menu and its settings are read once. */
export async function triggerResolver(db: DbOrTx): Promise<(folded: string) => string | null> {
  const [menu, settings] = await Promise.all([loadMenu(db), loadMenuSettings(db)]);
  const homeSupportOn = menu.some((e) => e.kind === "home_support" && e.enabled);
  const homeSupportKeyword = settings.homeSupportKeyword ? foldInput(settings.homeSupportKeyword) : null;
  return (folded) => {
    if (!folded) return null;
    if (MANAGE_WORDS.includes(folded)) return manageBookingFlow.name;
    if (homeSupportOn && HOME_SUPPORT_WORDS.includes(folded)) return homeSupportFlow.name;
    for (const entry of menu) {
      if (!entry.enabled || !flowOfMenuKind[entry.kind]) continue;
      if (foldInput(entry.keyword) === folded || foldInput(entry.label) === folded) return flowOfMenuKind[entry.kind];
    }
    return homeSupportOn && homeSupportKeyword === folded ? homeSupportFlow.name : null;
  };
}

/** The OA's chat flows, for the engine (lib/chat-flows/engine.ts). */
export const chatFlowCatalog: FlowCatalog = { flowNamed, resolveTrigger };
