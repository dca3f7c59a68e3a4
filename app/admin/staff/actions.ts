"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { createStaff, resetStaffPassword, updateStaff } from "@/lib/staff/save";

export async function createStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createStaff, { revalidate: "/admin/staff", success: "actions.staffAdded" });
}

export async function updateStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateStaff, { revalidate: "/admin/staff", redirectTo: "/admin/staff" });
}

export async function resetStaffPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, resetStaffPassword, {
    success: "actions.passwordReset",
  });
}
