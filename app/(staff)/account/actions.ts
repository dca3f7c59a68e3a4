"use server";
import { redirect } from "next/navigation";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { changeOwnPassword } from "@/lib/staff/save";

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, changeOwnPassword, { passwordChange: true });
  // Changing the password ends every session, this one included.
  if (state.ok) redirect("/login?notice=password-changed");
  return state;
}
