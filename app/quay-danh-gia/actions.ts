"use server";
import { getTranslations } from "next-intl/server";

import type { FormState } from "@/lib/auth/form-action";
import { currentStaff } from "@/lib/auth/session";
import { ServiceError } from "@/lib/errors";
import { ratingFormResult } from "@/lib/ratings/form-state";
import { type RatingPageData, counterRatingPage, submitCounterRating } from "@/lib/ratings/submit";
import { formDataToObject } from "@/lib/validation";
import { UnauthenticatedError } from "@/lib/errors";

export type KioskOpen = { ok: true; data: RatingPageData } | { ok: false; message: string };

async function me() {
  const s = await currentStaff();
  if (!s) throw new UnauthenticatedError();
  return s;
}

export async function openCounterRating(code: string): Promise<KioskOpen> {
  const m = await getTranslations();
  try {
    const data = await counterRatingPage(await me(), String(code ?? "").slice(0, 60));
    return data.returned ? { ok: true, data } : { ok: false, message: m("ratings.errors.notReturned") };
  } catch (err) {
    if (err instanceof ServiceError) return { ok: false, message: err.message };
    throw err;
  }
}

export async function rateAtCounter(_: FormState, form: FormData): Promise<FormState> {
  const raw = formDataToObject(form);
  const m = await getTranslations();
  const ctx = await me();
  return ratingFormResult(m, raw, () => submitCounterRating(ctx, raw));
}
