"use server";
import { type FormState, runFormAction } from "@/lib/http/form-action";
import { vi } from "@/lib/i18n/messages/vi";
import { menuEntriesFromForm, saveBotText, saveOaMenu, saveOaMenuSettings } from "@/lib/oa-menu/save";

const t = vi.homeSupport.menu;

export async function saveOaMenuAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx, raw) => saveOaMenu(ctx, menuEntriesFromForm(raw)), {
    revalidate: "/admin/oa-menu",
    success: t.saved,
  });
}

export async function saveOaMenuSettingsAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveOaMenuSettings, { revalidate: "/admin/oa-menu", success: t.settingsSaved });
}

export async function saveBotTextAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveBotText, { revalidate: "/admin/oa-menu", success: t.textSaved });
}
