"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { saveRatingSettings } from "@/lib/ratings/save-settings";

export async function saveRatingSettingsAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, saveRatingSettings, {
    revalidate: "/admin/danh-gia",
    success: "actions.ratingSettingsSaved",
  });
}
