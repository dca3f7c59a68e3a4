import type { FormState } from "@/lib/auth/form-action";
import { ServiceError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { translate } from "@/lib/i18n/translate";
import { log } from "@/lib/log";
import type { Translator } from "@/lib/i18n";
import type { RecordedRating } from "./record";

function echo(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => k !== "t")
      .map(([k, v]) => [k, String(v ?? "")]),
  );
}

/** Runs a rating submission for a citizen-facing form: thanks, or the refusal in Vietnamese with the choices kept. */
export async function ratingFormResult(
  t: Translator,
  raw: Record<string, unknown>,
  run: () => Promise<RecordedRating>,
): Promise<FormState> {
  try {
    const r = await run();
    return {
      ok: true,
      message: r.followupDueAt
        ? t("ratings.page.thanksDissatisfied", { due: formatDate(r.followupDueAt) })
        : t("ratings.page.thanks"),
    };
  } catch (err) {
    if (err instanceof ValidationError)
      return { message: err.message, fieldErrors: err.fieldErrors, values: echo(raw) };
    if (err instanceof ServiceError) return { message: err.message, values: echo(raw) };
    log.error({ err }, "rating failed");
    return { message: translate("vi", "errors.service.ratingFailed"), values: echo(raw) };
  }
}
