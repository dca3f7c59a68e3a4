"use server";

import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { updateFollowup } from "@/lib/ratings/followups";

export async function saveFollowup(_: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateFollowup, { revalidate: "/bao-cao/phan-anh", success: "actions.followupSaved" });
}
