/**
 * Headers every response carries. Next's own inline bootstrap scripts and styled attributes need
 * 'unsafe-inline' (nonces would make every page dynamic); framing is refused outright (clickjacking on the
 * staff screens), and nothing loads from another origin except images (announcement pictures may be linked).
 */
export function securityHeaders(publicBaseUrl: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
  };
  if (publicBaseUrl.startsWith("https://"))
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
