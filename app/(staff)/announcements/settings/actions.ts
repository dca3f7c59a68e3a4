"use server";
import { getTranslations } from "next-intl/server";
import { saveAnnouncementSettings } from "@/lib/announcements/save-settings";
import { type FormState, runFormAction } from "@/lib/auth/form-action";

export async function saveSettingsAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveAnnouncementSettings, {
    revalidate: "/announcements/settings",
    success: (await getTranslations())("common.saved"),
  });
}
