"use server";
import { deleteCannedAnswer } from "@/lib/conversations/delete-canned";
import { saveCannedAnswer } from "@/lib/conversations/save-canned";
import { saveConversationSettings } from "@/lib/conversations/save-settings";
import { type FormState, runFormAction } from "@/lib/auth/form-action";

export async function saveConversationSettingsAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx, raw) => saveConversationSettings(ctx, raw), {
    revalidate: "/admin/hoi-dap",
    success: "conversations.admin.settingsSaved",
  });
}

export async function saveCannedAnswerAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx, raw) => saveCannedAnswer(ctx, raw), {
    revalidate: "/admin/hoi-dap",
    success: "conversations.admin.cannedSaved",
  });
}

export async function deleteCannedAnswerAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx, raw) => deleteCannedAnswer(ctx, raw), {
    revalidate: "/admin/hoi-dap",
    success: "conversations.admin.cannedDeleted",
  });
}
