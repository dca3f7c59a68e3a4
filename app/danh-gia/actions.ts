"use server";

import { headers } from "next/headers";
import type { RatingFormState } from "@/components/ratings/rating-form";
import { getMessages } from "@/lib/i18n";
import { clientIpFrom } from "@/lib/http/client-ip";
import { ratingFormResult } from "@/lib/ratings/form-state";
import { submitWebRating } from "@/lib/ratings/submit";
import { formDataToObject } from "@/lib/validation";

export async function rateOnWeb(_: RatingFormState, form: FormData): Promise<RatingFormState> {
  const raw = formDataToObject(form);
  const ip = clientIpFrom(await headers());
  const m = await getMessages();
  return ratingFormResult(m.ratings, raw, () => submitWebRating(raw, typeof raw.t === "string" ? raw.t : null, ip));
}
