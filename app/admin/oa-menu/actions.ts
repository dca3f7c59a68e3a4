"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { menuEntriesFromForm, saveBotText, saveOaMenu, saveOaMenuSettings } from "@/lib/oa-menu/save";

export async function saveOaMenuAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx, raw) => saveOaMenu(ctx, menuEntriesFromForm(raw)), {
    revalidate: "/admin/oa-menu",
    success: "homeSupport.menu.saved",
  });
}

export async function saveOaMenuSettingsAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveOaMenuSettings, {
    revalidate: "/admin/oa-menu",
    success: "homeSupport.menu.settingsSaved",
  });
}

export async function saveBotTextAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveBotText, { revalidate: "/admin/oa-menu", success: "homeSupport.menu.textSaved" });
}
