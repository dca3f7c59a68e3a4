import { publicBaseUrl } from "@/lib/config";

/** The QR target: code plus the dossier's random secret, which unlocks the full public timeline. */
export function securedLookupUrl(code: string, secret: string): string {
  return `${publicBaseUrl()}/tra-cuu/${encodeURIComponent(code)}?t=${encodeURIComponent(secret)}`;
}

/** Without the secret the look-up page shows only status and dates, with the owner's name masked. */
export function publicLookupUrl(code: string): string {
  return `${publicBaseUrl()}/tra-cuu/${encodeURIComponent(code)}`;
}

/** The rating page takes the same code and secret as the look-up page it is linked from. */
export function ratingUrlFromLookup(lookupUrl: string): string {
  return lookupUrl.replace("/tra-cuu/", "/danh-gia/");
}
