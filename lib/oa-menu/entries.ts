import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type OaMenuKind, oaMenuEntries, oaMenuKinds } from "@/db/schema";
import { vi } from "@/lib/i18n/messages/vi";

export interface MenuEntry {
  kind: OaMenuKind;
  label: string;
  keyword: string;
  position: number;
  enabled: boolean;
}

/** What a tap sends when the petition entry is not reworded: the inbox's payload (lib/conversations/labels.ts). */
const PETITION_PAYLOAD = "#PAKN";

/** Seed 004's button sends "ĐK hỗ trợ tại nhà"; petitions send the inbox's payload; the others send their label. */
export function defaultMenu(): MenuEntry[] {
  return oaMenuKinds.map((kind, i) => ({
    kind,
    label: vi.homeSupport.menuKinds[kind],
    keyword: kind === "petition" ? PETITION_PAYLOAD : vi.homeSupport.menuKinds[kind],
    position: i + 1,
    enabled: true,
  }));
}

/**
 * The stored menu in order, or the default one before an administrator saved it (a kind not stored keeps its default).
 */
export async function loadMenu(db: DbOrTx): Promise<MenuEntry[]> {
  const rows = await db.select().from(oaMenuEntries).orderBy(asc(oaMenuEntries.position), asc(oaMenuEntries.id));
  const stored = new Map(rows.map((r) => [r.kind, r]));
  return defaultMenu()
    .map((d) => {
      const r = stored.get(d.kind);
      return r ? { kind: r.kind, label: r.label, keyword: r.keyword, position: r.position, enabled: r.enabled } : d;
    })
    .sort((a, b) => a.position - b.position);
}

/** The welcome message's list of enabled entries: "- ĐK hỗ trợ tại nhà". */
export async function menuWelcomeText(db: DbOrTx): Promise<string | null> {
  const enabled = (await loadMenu(db)).filter((e) => e.enabled);
  if (!enabled.length) return null;
  return enabled.map((e) => `- ${e.label}`).join("\n");
}
