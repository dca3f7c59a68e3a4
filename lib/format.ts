const TZ = "Asia/Ho_Chi_Minh";

const dateFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false });

/** dd/MM/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  return dateFmt.format(typeof d === "string" ? new Date(d) : d);
}

/** HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh. */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  const date = typeof d === "string" ? new Date(d) : d;
  return `${timeFmt.format(date)} ${dateFmt.format(date)}`;
}

/** HH:mm in Asia/Ho_Chi_Minh. */
export function formatTime(d: Date | string | number | null | undefined): string {
  if (d == null || d === "") return "";
  return timeFmt.format(d instanceof Date ? d : new Date(d));
}

/** 1000000 → "1.000.000 đ". */
export function formatMoney(amount: number | null | undefined): string {
  if (amount == null) return "";
  return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }).format(amount)} đ`;
}
