"use server";
import { type FormState, runFormAction } from "@/lib/auth/form-action";
import { createUnit, updateUnit } from "@/lib/units/save";

export async function createUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createUnit, { revalidate: "/admin/units", success: "actions.unitAdded" });
}

export async function updateUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateUnit, { revalidate: "/admin/units", redirectTo: "/admin/units" });
}
