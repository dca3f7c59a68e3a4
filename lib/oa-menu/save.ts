import { asc, eq } from "drizzle-orm";
import { type OaMenuKind, chatFlowTexts, oaMenuEntries, oaMenuKinds, oaMenuSettings, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { type BotTextKey, botTextKeys, defaultBotText, placeholdersOf } from "@/lib/chat-flows/texts";
import { foldInput } from "@/lib/chat-flows/words";
import { ValidationError } from "@/lib/errors";
import { botTextSchema, menuEntriesSchema, menuSettingsSchema } from "@/lib/home-support/schemas";
import { loadMenuSettings } from "@/lib/home-support/settings";
import { dbOf, withTransaction } from "@/lib/services/context";
import { checkbox, parseInput } from "@/lib/validation";
import { loadMenu } from "./entries";
import { msg } from "@/lib/i18n/translate";

/** Everything the OA menu page shows: entries, settings, the bot's texts with their overrides, and the units. */
export async function oaMenuAdminView(ctx: Ctx) {
  requirePermission(ctx, "zalo.settings");
  const db = dbOf(ctx);
  const overrides = new Map((await db.select().from(chatFlowTexts)).map((r) => [r.key, r.text]));
  return {
    entries: await loadMenu(db),
    settings: await loadMenuSettings(db),
    units: await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(eq(units.active, true))
      .orderBy(asc(units.path)),
    texts: botTextKeys.map((key) => ({ key, default: defaultBotText(key), override: overrides.get(key) ?? null })),
  };
}

/** Form fields "<kind>.label", "<kind>.keyword", "<kind>.position", "<kind>.enabled" → entries. */
export function menuEntriesFromForm(raw: Record<string, unknown>) {
  return oaMenuKinds.map((kind) => ({
    kind,
    label: raw[`${kind}.label`],
    keyword: raw[`${kind}.keyword`],
    position: raw[`${kind}.position`],
    enabled: checkbox.parse(raw[`${kind}.enabled`]),
  }));
}

export async function saveOaMenu(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "zalo.settings");
  const entries = parseInput(menuEntriesSchema, raw).filter((e): e is typeof e & { kind: OaMenuKind } =>
    (oaMenuKinds as readonly string[]).includes(e.kind),
  );
  const seen = new Map<string, string>();
  for (const e of entries) {
    const key = foldInput(e.keyword);
    if (seen.has(key))
      throw new ValidationError({
        [`${e.kind}.keyword`]: msg("homeSupport.errors.keywordTaken", { keyword: e.keyword }),
      });
    seen.set(key, e.kind);
  }
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    for (const e of entries) {
      await tx
        .insert(oaMenuEntries)
        .values({ ...e, updatedAt: now })
        .onConflictDoUpdate({
          target: oaMenuEntries.kind,
          set: { label: e.label, keyword: e.keyword, position: e.position, enabled: e.enabled, updatedAt: now },
        });
    }
    await writeAudit(tx, ctx, {
      action: "oamenu.save",
      entityType: "oa_menu",
      summary: `Cập nhật menu Zalo OA: ${entries
        .filter((e) => e.enabled)
        .map((e) => e.label)
        .join(", ")}`,
      changes: { entries },
    });
  });
}

export async function saveOaMenuSettings(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "zalo.settings");
  const input = parseInput(menuSettingsSchema, raw);
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    const values = {
      homeSupportUnitId: input.homeSupportUnitId ?? null,
      homeSupportKeyword: input.homeSupportKeyword ?? null,
      defaultCapacity: input.defaultCapacity,
      contactsUnitId: input.contactsUnitId ?? null,
      contactsPhone: input.contactsPhone ?? null,
      updatedAt: now,
    };
    await tx
      .insert(oaMenuSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: oaMenuSettings.id, set: values });
    await writeAudit(tx, ctx, {
      action: "oamenu.settings",
      entityType: "oa_menu",
      summary: "Cập nhật cài đặt hỗ trợ tại nhà và liên hệ của OA",
      changes: { ...values },
    });
  });
}

/**
 * An administrator's wording of one bot text; empty restores the catalogue's. It must keep the text's {placeholders}.
 */
export async function saveBotText(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "zalo.settings");
  const input = parseInput(botTextSchema, raw);
  if (!(botTextKeys as string[]).includes(input.key))
    throw new ValidationError({ key: "homeSupport.errors.unknownText" });
  const key = input.key as BotTextKey;
  const text = input.text.normalize("NFC").trim();
  const needed = placeholdersOf(defaultBotText(key));
  if (text && needed.some((p) => !placeholdersOf(text).includes(p))) {
    throw new ValidationError({
      text: msg("homeSupport.errors.placeholders", { names: needed.map((p) => `{${p}}`).join(", ") }),
    });
  }
  const now = ctx.now ?? new Date();
  await withTransaction(ctx, async (ctx, tx) => {
    if (text)
      await tx
        .insert(chatFlowTexts)
        .values({ key, text, updatedBy: ctx.actor.label })
        .onConflictDoUpdate({
          target: chatFlowTexts.key,
          set: { text, updatedBy: ctx.actor.label, updatedAt: now },
        });
    else await tx.delete(chatFlowTexts).where(eq(chatFlowTexts.key, key));
    await writeAudit(tx, ctx, {
      action: "oamenu.text",
      entityType: "chat_flow_text",
      entityId: key,
      summary: `Nội dung tin tự động "${key}": ${text ? "thay thế" : "về mặc định"}`,
      changes: { text },
    });
  });
}
