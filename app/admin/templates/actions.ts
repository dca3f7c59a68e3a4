"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { saveNotificationTemplate } from "@/lib/notifications/save-template";

export async function saveTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, saveNotificationTemplate, {
    revalidate: "/admin/templates",
    success: "actions.templateSaved",
  });
}
