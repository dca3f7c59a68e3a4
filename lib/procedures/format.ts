import type { Procedure } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import { format, type Messages } from "@/lib/i18n";

const dayFmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** "2,5 ngày làm việc", "4 giờ làm việc" or "Chưa công bố". */
export function formatProcessingTime(p: Pick<Procedure, "processingDays" | "processingHours">, m: Messages): string {
  if (p.processingHours != null) return format(m.procedures.hoursValue, { hours: p.processingHours });
  if (p.processingDays != null) return format(m.procedures.daysValue, { days: dayFmt.format(p.processingDays) });
  return m.procedures.notPublished;
}

/** The single amount when there is one ("50.000 đ", or "không thu phí" for 0), otherwise the published text. */
export function formatFee(p: Pick<Procedure, "feeAmount" | "feeText">, m: Messages): string {
  if (p.feeAmount === 0) return m.procedures.free;
  if (p.feeAmount != null) return formatMoney(p.feeAmount);
  return p.feeText ?? m.common.none;
}
