/** Vietnamese text is stored NFC so that equal strings compare equal whatever keyboard produced them. */
export function nfc(value: string): string {
  return value.normalize("NFC");
}

export function cleanText(value: string): string {
  return nfc(value).replace(/\s+/g, " ").trim();
}

/** Lower-case, diacritics removed, đ → d: "Nguyễn Văn Á" → "nguyen van a". Used for search columns and terms. */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
