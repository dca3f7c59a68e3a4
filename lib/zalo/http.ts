import { request } from "undici";
import { log } from "@/lib/log";
import { config } from "./config";
import { ZaloApiError, zaloErrorFromCode } from "./errors";
import { parseZaloJson } from "./json";

export interface ZaloRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** JSON body (objects) or a form (URLSearchParams) or multipart (FormData). */
  body?: unknown;
  timeoutMs?: number;
}

function encodeBody(body: unknown): { body?: string | FormData; contentType?: string } {
  if (body === undefined) return {};
  if (body instanceof URLSearchParams)
    return { body: body.toString(), contentType: "application/x-www-form-urlencoded" };
  if (body instanceof FormData) return { body };
  return { body: JSON.stringify(body), contentType: "application/json" };
}

/**
 * undici's request() rather than fetch(): the sender makes hundreds of calls a second, and fetch's web
 * streams cost about as much CPU as the rest of a send. Uploads (FormData) still go through fetch.
 */
async function send(
  req: ZaloRequest,
  headers: Record<string, string>,
  body: string | FormData | undefined,
): Promise<{ status: number; text: string }> {
  const signal = AbortSignal.timeout(req.timeoutMs ?? config.defaultTimeoutMs);
  if (body instanceof FormData) {
    const res = await fetch(req.url, { method: req.method, headers, body, signal });
    return { status: res.status, text: await res.text() };
  }
  const res = await request(req.url, { method: req.method, headers, body, signal });
  return { status: res.statusCode, text: await res.body.text() };
}

/** The connection broke after the request went out, so Zalo may have acted on it (a refused connection did not). */
const LOST_AFTER_SENDING = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

/**
 * One HTTP call to Zalo. Network failures, timeouts and 5xx/429 are retryable; a non-zero `error` inside
 * the body (normally with HTTP 200) becomes a typed ZaloApiError. Returns the parsed body on success.
 */
export async function zaloHttp(req: ZaloRequest): Promise<Record<string, unknown>> {
  const { body, contentType } = encodeBody(req.body);
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (contentType) headers["content-type"] = contentType;
  let res: { status: number; text: string };
  try {
    res = await send(req, headers, body);
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    const ambiguous = timedOut || LOST_AFTER_SENDING.has(String((err as { code?: unknown }).code));
    const path = new URL(req.url).pathname;
    log.warn({ path, timedOut, ambiguous, reason: (err as Error).message }, "zalo request failed");
    const message = timedOut ? "Zalo: hết thời gian chờ phản hồi" : `Zalo: lỗi kết nối (${(err as Error).message})`;
    throw new ZaloApiError({ kind: "retryable", code: null, httpStatus: null, message, ambiguous });
  }
  const { text } = res;
  let parsed: unknown = null;
  try {
    parsed = text ? parseZaloJson(text) : null;
  } catch {
    parsed = null;
  }
  const envelope =
    parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  const code = envelope ? Number(envelope.error ?? 0) : 0;
  if (envelope && Number.isFinite(code) && code !== 0) {
    const message = String(envelope.message ?? envelope.error_description ?? envelope.error_name ?? "");
    log.warn({ path: new URL(req.url).pathname, code, httpStatus: res.status }, "zalo error envelope");
    throw zaloErrorFromCode(code, message, res.status);
  }
  if (res.status >= 500 || res.status === 429) {
    throw new ZaloApiError({
      kind: "retryable",
      code: null,
      httpStatus: res.status,
      message: `Zalo: HTTP ${res.status}`,
    });
  }
  if (res.status < 200 || res.status >= 300 || !envelope) {
    throw new ZaloApiError({
      kind: "permanent",
      code: null,
      httpStatus: res.status,
      message: `Zalo: phản hồi không hợp lệ (HTTP ${res.status})`,
    });
  }
  return envelope;
}
