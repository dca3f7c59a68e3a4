/** Base URL citizens reach the portal at (QR codes, look-up links). */
export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}
