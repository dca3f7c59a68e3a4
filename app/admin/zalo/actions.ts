"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { saveRefreshToken } from "@/lib/zalo/connect";
import { saveZaloSettings } from "@/lib/zalo/save-settings";
import { setZbsDevelopmentMode } from "@/lib/notifications/set-development-mode";

export async function saveZaloSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, saveZaloSettings, { revalidate: "/admin/zalo", success: "actions.zaloSaved" });
}

export async function saveRefreshTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, saveRefreshToken, {
    revalidate: "/admin/zalo",
    success: "actions.refreshTokenSaved",
    revalidateOnFailure: true,
  });
}

export async function setZbsDevelopmentModeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const success = "Đã lưu chế độ gửi tin ZBS.";
  return runFormAction(formData, setZbsDevelopmentMode, { revalidate: "/admin/zalo", success });
}
