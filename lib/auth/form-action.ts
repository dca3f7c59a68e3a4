import "server-only";
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import type { Ctx } from "@/lib/auth/actor";
import { sessionStaff } from "@/lib/auth/session";
import { ForbiddenError, ServiceError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { currentLocale } from "@/lib/i18n";
import { translate } from "@/lib/i18n/translate";
import { log } from "@/lib/log";
import { formDataToObject } from "@/lib/validation";

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, returned so that a refused form shows it again (never passwords). */
  values?: Record<string, string>;
}

const SECRET_FIELD = /password|secret|token/i;

function echo(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (!SECRET_FIELD.test(k)) out[k] = Array.isArray(v) ? v.join("\n") : String(v ?? "");
  return out;
}

/**
 * Entry for every staff server action: signed-in staff → the service verb (which checks permission,
 * validates, runs the transaction and audits) → a state the form can show. Missing permission is a real 403.
 */
interface FormActionOptions {
  revalidate?: string;
  redirectTo?: string;
  /** A catalogue key (packed with `msg` when it has values). */
  success?: string;
  revalidateOnFailure?: boolean;
  passwordChange?: boolean;
}

export async function runFormAction(
  formData: FormData,
  verb: (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>,
  opts: FormActionOptions = {},
): Promise<FormState> {
  const me = await sessionStaff();
  if (!me) redirect("/login");
  const raw = formDataToObject(formData);
  const locale = await currentLocale();
  if (me.mustChangePassword && !opts.passwordChange) {
    return { ok: false, message: translate(locale, "errors.service.mustChangePassword"), values: echo(raw) };
  }
  try {
    await verb(me, raw);
  } catch (err) {
    // Some verbs record a state before failing (a refused token is marked failed): the page must show it.
    if (opts.revalidateOnFailure && opts.revalidate) revalidatePath(opts.revalidate);
    if (err instanceof ForbiddenError) forbidden();
    if (err instanceof UnauthenticatedError) redirect("/login");
    if (err instanceof ValidationError) {
      const fieldErrors = err.fieldErrorsIn(locale);
      return { ok: false, message: err.messageIn(locale), fieldErrors, values: echo(raw) };
    }
    if (err instanceof ServiceError) return { ok: false, message: err.messageIn(locale), values: echo(raw) };
    log.error({ err, action: verb.name }, "server action failed");
    return { ok: false, message: translate(locale, "errors.service.saveFailed"), values: echo(raw) };
  }
  if (opts.revalidate) revalidatePath(opts.revalidate);
  if (opts.redirectTo) redirect(opts.redirectTo);
  return { ok: true, message: opts.success && translate(locale, opts.success) };
}

/** runFormAction for a verb whose result the action goes on with (the new record to open, the key shown once). */
export async function runFormActionWithResult<T>(
  formData: FormData,
  verb: (ctx: Ctx, input: Record<string, unknown>) => Promise<T>,
  opts: FormActionOptions = {},
): Promise<{ state: FormState; result?: T }> {
  let result: T | undefined;
  const state = await runFormAction(
    formData,
    async (ctx, input) => {
      result = await verb(ctx, input);
    },
    opts,
  );
  return { state, result };
}
