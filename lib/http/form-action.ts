import "server-only";
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import type { Ctx } from "@/lib/auth/actor";
import { sessionStaff } from "@/lib/auth/session";
import { ForbiddenError, ServiceError, UnauthenticatedError, ValidationError } from "@/lib/errors";
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
export async function runFormAction(
  formData: FormData,
  verb: (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>,
  opts: {
    revalidate?: string;
    redirectTo?: string;
    success?: string;
    revalidateOnFailure?: boolean;
    passwordChange?: boolean;
  } = {},
): Promise<FormState> {
  const me = await sessionStaff();
  if (!me) redirect("/login");
  const raw = formDataToObject(formData);
  if (me.mustChangePassword && !opts.passwordChange) {
    return { ok: false, message: "Bạn cần đổi mật khẩu trước khi thực hiện thao tác này.", values: echo(raw) };
  }
  try {
    await verb(me, raw);
  } catch (err) {
    // Some verbs record a state before failing (a refused token is marked failed): the page must show it.
    if (opts.revalidateOnFailure && opts.revalidate) revalidatePath(opts.revalidate);
    if (err instanceof ForbiddenError) forbidden();
    if (err instanceof UnauthenticatedError) redirect("/login");
    if (err instanceof ValidationError)
      return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values: echo(raw) };
    if (err instanceof ServiceError) return { ok: false, message: err.message, values: echo(raw) };
    log.error({ err, action: verb.name }, "server action failed");
    return {
      ok: false,
      message: "Hệ thống gặp sự cố khi lưu. Dữ liệu bạn nhập vẫn còn; vui lòng thử lại.",
      values: echo(raw),
    };
  }
  if (opts.revalidate) revalidatePath(opts.revalidate);
  if (opts.redirectTo) redirect(opts.redirectTo);
  return { ok: true, message: opts.success };
}
