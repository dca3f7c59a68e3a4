"use server";
import { getTranslations } from "next-intl/server";
import {
  addProposals,
  confirmCalendarDay,
  createCalendarDay,
  deleteCalendarDay,
  updateCalendarDay,
} from "@/lib/calendar/admin/days";
import { deleteOfficeHours, saveOfficeHours } from "@/lib/calendar/admin/office-hours";
import { type FormState, runFormAction } from "@/lib/auth/form-action";

const PATH = "/admin/calendar";

export async function createDayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const m = await getTranslations();
  return runFormAction(formData, createCalendarDay, { revalidate: PATH, success: m("calendar.added") });
}

export async function updateDayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const year = String(formData.get("date") ?? "").match(/\d{4}/)?.[0];
  return runFormAction(formData, updateCalendarDay, {
    revalidate: PATH,
    redirectTo: year ? `${PATH}?year=${year}` : PATH,
  });
}

export async function confirmDayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const m = await getTranslations();
  return runFormAction(formData, confirmCalendarDay, { revalidate: PATH, success: m("calendar.confirmedDone") });
}

export async function deleteDayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const m = await getTranslations();
  return runFormAction(formData, deleteCalendarDay, { revalidate: PATH, success: m("calendar.removed") });
}

export async function addProposalsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const m = await getTranslations();
  let result: { added: unknown[]; skipped: string[] } | undefined;
  const state = await runFormAction(
    formData,
    async (ctx, input) => {
      result = await addProposals(ctx, input);
    },
    { revalidate: PATH },
  );
  if (state.ok && result)
    state.message = m("calendar.proposalsAdded", { added: result.added.length, skipped: result.skipped.length });
  return state;
}

export async function saveOfficeHoursAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const m = await getTranslations();
  return runFormAction(formData, saveOfficeHours, {
    revalidate: `${PATH}/office-hours`,
    success: m("calendar.hoursSaved"),
  });
}

export async function deleteOfficeHoursAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const m = await getTranslations();
  return runFormAction(formData, deleteOfficeHours, {
    revalidate: `${PATH}/office-hours`,
    success: m("calendar.hoursRemoved"),
  });
}
