"use server";
import { redirect } from "next/navigation";
import { type FormState, runFormAction, runFormActionWithResult } from "@/lib/auth/form-action";
import { reactivateProcedure, retireProcedure } from "@/lib/procedures/retire";
import { createProcedure, updateProcedure } from "@/lib/procedures/save";

export async function createProcedureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { state, result } = await runFormActionWithResult(formData, createProcedure, { revalidate: "/procedures" });
  if (state.ok && result) redirect(`/procedures/${result.id}?saved=1`);
  return state;
}

export async function updateProcedureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateProcedure, { revalidate: "/procedures" });
  if (state.ok) redirect(`/procedures/${Number(formData.get("id"))}?saved=1`);
  return state;
}

export async function retireProcedureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, retireProcedure, {
    revalidate: `/procedures/${Number(formData.get("id"))}`,
    success: "actions.procedureRetired",
  });
}

export async function reactivateProcedureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, reactivateProcedure, {
    revalidate: `/procedures/${Number(formData.get("id"))}`,
    success: "actions.procedureReactivated",
  });
}
