import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { lookupRefusal } from "./lookup-gate";
import { translatorFor } from "@/lib/i18n/translate";
import { clientIpFrom } from "@/lib/http/client-ip";

/** Query parameters the public pages read as single strings: `?t=a&t=b` would reach them as an array. */
const SINGLE_PARAMS = ["t", "p"];

function plainPage(status: number, text: string, headers: Record<string, string> = {}): NextResponse {
  const html =
    `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${text}</title><p style="font-family:sans-serif;margin:2rem">${text}</p></html>`;
  return new NextResponse(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/**
 * The public look-up and rating pages, before they render: a repeated query parameter is a 400, and a
 * look-up the limits refuse is a 429 with Retry-After (a page cannot set its own status).
 */
export async function publicPageGate(url: URL, headers: Headers): Promise<NextResponse | null> {
  if (SINGLE_PARAMS.some((p) => url.searchParams.getAll(p).length > 1)) {
    return plainPage(400, "Đường dẫn tra cứu không hợp lệ. / Invalid look-up link.");
  }
  const lookup = /^\/tra-cuu\/([^/]+)$/.exec(url.pathname);
  if (!lookup) return null;
  const refusal = await lookupRefusal(getDb(), {
    code: decodeURIComponent(lookup[1]),
    phoneTried: !!url.searchParams.get("p"),
    ip: clientIpFrom(headers),
  });
  if (!refusal) return null;
  const text = translatorFor("vi")("dossiers.lookup.limited", { seconds: refusal.retryAfterSeconds });
  return plainPage(429, text, { "retry-after": String(refusal.retryAfterSeconds) });
}
