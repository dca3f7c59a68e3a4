import { publicBaseUrl } from "@/lib/config";

/**
 * The session cookie follows the address citizens and staff reach the portal at: over https it is
 * `__Secure-` prefixed and Secure (a browser then never sends it over plain http); always HttpOnly, SameSite=Lax.
 */
export function sessionCookie(baseUrl = publicBaseUrl()) {
  const secure = baseUrl.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
