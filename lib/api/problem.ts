import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServiceError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { type Locale, translate } from "@/lib/i18n/translate";
import { log } from "@/lib/log";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const TYPE_BASE = "https://motcua-zalo.vn/problems/";

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, with `errors` naming each bad field for validation failures. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

/**
 * An answer the API gives instead of running the request (bad key, rate limit, idempotency misuse).
 * Title, detail and field messages are catalogue keys (or literal text), translated by `body(locale)`.
 */
export class ApiProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly slug: string,
    public readonly title: string,
    detail: string,
    public readonly headers: Record<string, string> = {},
    public readonly errors?: FieldProblem[],
  ) {
    super(detail);
  }

  body(locale: Locale = "vi"): ProblemBody {
    const errors = this.errors?.map((e) => ({ field: e.field, message: translate(locale, e.message) }));
    return {
      type: TYPE_BASE + this.slug,
      title: translate(locale, this.title),
      status: this.status,
      detail: translate(locale, this.message),
      ...(errors ? { errors } : {}),
    };
  }
}

export function problemResponse(problem: ApiProblem, locale: Locale = "vi"): Response {
  return new Response(JSON.stringify(problem.body(locale)), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...problem.headers },
  });
}

/** Field names of the service layer → the JSON paths of the API body ("submitterPhone" → "submitter.phone"). */
export type FieldMap = (serviceField: string) => string;

/** Maps what a service verb threw to the problem the client sees; anything unexpected is logged and hidden. */
export function problemFromError(err: unknown, fieldMap: FieldMap = (f) => f): ApiProblem {
  if (err instanceof ApiProblem) return err;
  if (err instanceof ValidationError) {
    const errors = Object.entries(err.fieldKeys).map(([field, message]) => ({ field: fieldMap(field), message }));
    return new ApiProblem(422, "validation", "errors.api.validationTitle", err.key, {}, errors);
  }
  if (err instanceof NotFoundError) return new ApiProblem(404, "not-found", "errors.api.notFoundTitle", err.key);
  if (err instanceof ConflictError) return new ApiProblem(409, "conflict", "errors.api.conflictTitle", err.key);
  if (err instanceof ForbiddenError) return new ApiProblem(403, "forbidden", "errors.api.forbiddenTitle", err.key);
  if (err instanceof UnauthenticatedError) return unauthorized();
  if (err instanceof RateLimitedError)
    return new ApiProblem(429, "rate-limited", "errors.api.rateLimitedTitle", err.key);
  if (err instanceof ServiceError) return new ApiProblem(400, "bad-request", "errors.api.badRequestTitle", err.key);
  log.error({ err }, "api: unexpected error");
  return new ApiProblem(500, "internal", "errors.api.internalTitle", "errors.api.internalDetail");
}

export function unauthorized(): ApiProblem {
  return new ApiProblem(401, "unauthorized", "errors.api.unauthorizedTitle", "errors.api.unauthorizedDetail", {
    "www-authenticate": 'Bearer realm="motcua-zalo"',
  });
}
