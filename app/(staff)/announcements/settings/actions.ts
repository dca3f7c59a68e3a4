"use server";
import { saveAnnouncementSettings } from "@/lib/announcements/save-settings";
import { type FormState, runFormAction } from "@/lib/http/form-action";
import { getMessages } from "@/lib/i18n";

export async function saveSettingsAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveAnnouncementSettings, {
    revalidate: "/announcements/settings",
    success: (await getMessages()).common.saved,
  });
}
