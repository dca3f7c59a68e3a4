"use server";
import { getTranslations } from "next-intl/server";

import { headers } from "next/headers";
import type { FormState } from "@/lib/auth/form-action";
import { clientIpFrom } from "@/lib/http/client-ip";
import { ratingFormResult } from "@/lib/ratings/form-state";
import { submitWebRating } from "@/lib/ratings/submit";
import { formDataToObject } from "@/lib/validation";

export async function rateOnWeb(_: FormState, form: FormData): Promise<FormState> {
  const raw = formDataToObject(form);
  const ip = clientIpFrom(await headers());
  const m = await getTranslations();
  return ratingFormResult(m, raw, () => submitWebRating(raw, typeof raw.t === "string" ? raw.t : null, ip));
}
