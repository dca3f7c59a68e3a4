"use server";
import { revalidatePath } from "next/cache";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { resendNotification } from "@/lib/notifications/resend";

export async function resendNotificationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, resendNotification, { success: "Đã đưa tin vào hàng đợi gửi lại." });
  if (state.ok) {
    revalidatePath("/dossiers/[code]", "page");
    revalidatePath("/delivery");
  }
  return state;
}
