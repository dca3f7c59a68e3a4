// Vietnamese mobile prefixes after the 2018 renumbering (Viettel 03x/086/096-098, Vinaphone 08x/091/094,
// MobiFone 07x/089/090/093, Vietnamobile 052/056/058/092, Gmobile 059/099, iTel 087, Reddi 055).
const MOBILE = /^(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;

/** "0912 345 678", "+84912345678", "84912345678" → "84912345678"; null when it is not a Vietnamese mobile. */
export function normalizeVnMobile(input: string | null | undefined): string | null {
  if (!input) return null;
  let digits = input.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  let national: string;
  if (digits.startsWith("84") && digits.length === 11) national = digits.slice(2);
  else if (digits.startsWith("0") && digits.length === 10) national = digits.slice(1);
  else return null;
  return MOBILE.test(national) ? `84${national}` : null;
}

/** "84912345678" → "0912 345 678" for staff screens. */
export function displayVnPhone(phone84: string): string {
  const local = phone84.startsWith("84") ? `0${phone84.slice(2)}` : phone84;
  return local.replace(/^(\d{4})(\d{3})(\d+)$/, "$1 $2 $3");
}

/** CCCD has 12 digits; the older CMND 9 (or 12). */
export function isVnIdNumber(value: string): boolean {
  return /^\d{9}$|^\d{12}$/.test(value);
}
