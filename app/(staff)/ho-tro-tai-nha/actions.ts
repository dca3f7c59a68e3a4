"use server";
import { capacityCellsFromForm, saveCapacity } from "@/lib/home-support/capacity";
import { addRegistrationNote, assignRegistration, changeRegistrationStatus } from "@/lib/home-support/manage";
import { type FormState, runFormAction } from "@/lib/auth/form-action";

const saved = "homeSupport.ui.saved";
const detailPath = (fd: FormData) => `/ho-tro-tai-nha/${Number(fd.get("id"))}`;

export async function changeStatusAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, changeRegistrationStatus, { revalidate: detailPath(fd), success: saved });
}

export async function assignAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, assignRegistration, { revalidate: detailPath(fd), success: saved });
}

export async function addNoteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, addRegistrationNote, { revalidate: detailPath(fd), success: saved });
}

export async function saveCapacityAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return runFormAction(fd, (ctx, raw) => saveCapacity(ctx, capacityCellsFromForm(raw)), {
    revalidate: "/ho-tro-tai-nha/cong-suat",
    success: "homeSupport.ui.capacitySaved",
  });
}
