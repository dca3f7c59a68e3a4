"use server";
import { requeueZaloEvent } from "@/lib/zalo-webhook/requeue";
import { type FormState, runFormAction } from "@/lib/auth/form-action";

export async function requeueZaloEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, requeueZaloEvent, {
    revalidate: "/admin/zalo-events",
    success: "actions.eventRequeued",
  });
}
