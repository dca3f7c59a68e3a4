import { localeFromAcceptLanguage, msg } from "@/lib/i18n/translate";
import { BodyTooLargeError, readRequestBody } from "@/lib/http/read-body";
import { type ApiCaller, authenticateApiKey } from "./authenticate";
import { type ApiAnswer, requestFingerprint, runIdempotent } from "./idempotency";
import { ApiProblem, type FieldMap, PROBLEM_CONTENT_TYPE, problemFromError, problemResponse } from "./problem";

export interface ApiRequest<P> {
  caller: ApiCaller;
  params: P;
  /** The parsed JSON body (POST), undefined for GET. */
  body: unknown;
}

const MAX_BODY_BYTES = 256 * 1024;

/** Stops reading at the limit (an endless body never fills the memory), declared length or not. */
async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readRequestBody(req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError)
      throw new ApiProblem(
        413,
        "too-large",
        "errors.api.tooLargeTitle",
        msg("errors.api.tooLarge", { kb: MAX_BODY_BYTES / 1024 }),
      );
    throw err;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "malformed-json", "errors.api.malformedTitle", "errors.api.malformedJson");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiProblem(400, "malformed-json", "errors.api.malformedTitle", "errors.api.notAnObject");
  }
  return body as Record<string, unknown>;
}

function answerResponse(answer: ApiAnswer, replayed = false): Response {
  const headers: Record<string, string> = {
    "content-type": answer.status >= 400 ? PROBLEM_CONTENT_TYPE : "application/json",
    "cache-control": "no-store",
  };
  if (replayed) headers["idempotent-replayed"] = "true";
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

/**
 * One API route: bearer key → (POST) JSON body → optional Idempotency-Key → the handler, which calls a
 * service verb. Every failure leaves as application/problem+json; `fieldMap` renames service fields to
 * the JSON paths of the request body.
 */
export function apiRoute<P extends object = Record<string, never>>(
  handle: (r: ApiRequest<P>) => Promise<ApiAnswer>,
  opts: { fieldMap?: FieldMap } = {},
): (req: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (req, context) => {
    const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
    try {
      const caller = await authenticateApiKey(req);
      const params = ((await context?.params) ?? {}) as P;
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readJsonObject(req);
      const work = async (): Promise<ApiAnswer> => {
        try {
          return await handle({ caller, params, body });
        } catch (err) {
          const problem = problemFromError(err, opts.fieldMap);
          return { status: problem.status, body: problem.body(locale) };
        }
      };
      const idempotencyKey = req.headers.get("idempotency-key");
      if (idempotencyKey != null && body !== undefined) {
        const answer = await runIdempotent(
          caller.keyId,
          idempotencyKey.trim(),
          requestFingerprint(req.method, new URL(req.url).pathname, body),
          work,
        );
        return answerResponse(answer, answer.replayed);
      }
      return answerResponse(await work());
    } catch (err) {
      return problemResponse(problemFromError(err), locale);
    }
  };
}
