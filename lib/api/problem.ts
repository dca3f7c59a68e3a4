import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServiceError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
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

/** An answer the API gives instead of running the request (bad key, rate limit, idempotency misuse). */
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

  body(): ProblemBody {
    return {
      type: TYPE_BASE + this.slug,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function problemResponse(problem: ApiProblem): Response {
  return new Response(JSON.stringify(problem.body()), {
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
    const errors = Object.entries(err.fieldErrors).map(([field, message]) => ({ field: fieldMap(field), message }));
    return new ApiProblem(422, "validation", "Dữ liệu không hợp lệ", err.message, {}, errors);
  }
  if (err instanceof NotFoundError) return new ApiProblem(404, "not-found", "Không tìm thấy", err.message);
  if (err instanceof ConflictError) return new ApiProblem(409, "conflict", "Không thực hiện được", err.message);
  if (err instanceof ForbiddenError) return new ApiProblem(403, "forbidden", "Không có quyền", err.message);
  if (err instanceof UnauthenticatedError) return unauthorized();
  if (err instanceof RateLimitedError) return new ApiProblem(429, "rate-limited", "Quá nhiều yêu cầu", err.message);
  if (err instanceof ServiceError) return new ApiProblem(400, "bad-request", "Yêu cầu không hợp lệ", err.message);
  log.error({ err }, "api: unexpected error");
  return new ApiProblem(500, "internal", "Lỗi hệ thống", "Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau.");
}

export function unauthorized(): ApiProblem {
  return new ApiProblem(
    401,
    "unauthorized",
    "Chưa xác thực",
    "Thiếu hoặc sai khóa API (Authorization: Bearer <khóa>), hoặc khóa đã bị thu hồi.",
    {
      "www-authenticate": 'Bearer realm="motcua-zalo"',
    },
  );
}
