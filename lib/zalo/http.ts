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

function encodeBody(body: unknown): { body?: BodyInit; contentType?: string } {
  if (body === undefined) return {};
  if (body instanceof URLSearchParams) return { body, contentType: "application/x-www-form-urlencoded" };
  if (body instanceof FormData) return { body };
  return { body: JSON.stringify(body), contentType: "application/json" };
}

/**
 * One HTTP call to Zalo. Network failures, timeouts and 5xx/429 are retryable; a non-zero `error` inside
 * the body (normally with HTTP 200) becomes a typed ZaloApiError. Returns the parsed body on success.
 */
export async function zaloHttp(req: ZaloRequest): Promise<Record<string, unknown>> {
  const { body, contentType } = encodeBody(req.body);
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (contentType) headers["content-type"] = contentType;
  const path = new URL(req.url).pathname;
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, { method: req.method, headers, body, signal: AbortSignal.timeout(req.timeoutMs ?? config.defaultTimeoutMs) });
    text = await res.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    log.warn({ path, timedOut, reason: (err as Error).message }, "zalo request failed");
    throw new ZaloApiError({ kind: "retryable", code: null, httpStatus: null, message: timedOut ? "Zalo: hết thời gian chờ phản hồi" : `Zalo: lỗi kết nối (${(err as Error).message})` });
  }
  let parsed: unknown = null;
  try {
    parsed = text ? parseZaloJson(text) : null;
  } catch {
    parsed = null;
  }
  const envelope = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  const code = envelope ? Number(envelope.error ?? 0) : 0;
  if (envelope && Number.isFinite(code) && code !== 0) {
    const message = String(envelope.message ?? envelope.error_description ?? envelope.error_name ?? "");
    log.warn({ path, code, httpStatus: res.status }, "zalo error envelope");
    throw zaloErrorFromCode(code, message, res.status);
  }
  if (res.status >= 500 || res.status === 429) {
    throw new ZaloApiError({ kind: "retryable", code: null, httpStatus: res.status, message: `Zalo: HTTP ${res.status}` });
  }
  if (!res.ok || !envelope) {
    throw new ZaloApiError({ kind: "permanent", code: null, httpStatus: res.status, message: `Zalo: phản hồi không hợp lệ (HTTP ${res.status})` });
  }
  return envelope;
}
