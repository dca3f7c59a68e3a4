import type { Procedure } from "@/db/schema";
import { formatMoney } from "@/lib/format";
import type { Translator } from "@/lib/i18n";

/** "2,5 ngày làm việc", "4 giờ làm việc" or "Chưa công bố". */
export function formatProcessingTime(p: Pick<Procedure, "processingDays" | "processingHours">, t: Translator): string {
  if (p.processingHours != null) return t("procedures.hoursValue", { hours: p.processingHours });
  if (p.processingDays != null) return t("procedures.daysValue", { days: p.processingDays });
  return t("procedures.notPublished");
}

/** The single amount when there is one ("50.000 đ", or "không thu phí" for 0), otherwise the published text. */
export function formatFee(p: Pick<Procedure, "feeAmount" | "feeText">, t: Translator): string {
  if (p.feeAmount === 0) return t("procedures.free");
  if (p.feeAmount != null) return formatMoney(p.feeAmount);
  return p.feeText ?? t("common.none");
}

/** Notes about where a figure came from ("Nguồn thứ cấp …", "chưa xác minh", links) are for catalogue editors. */
const SOURCE_NOTE = /ngu[ồo]n\s+(th[ứu]\s+c[ấa]p|tham\s+kh[ảa]o)|ch[ưu]a\s+x[áa]c\s+minh|https?:\/\/|github:/i;

/**
 * The processing-time note as a role sees it: editors (procedures.manage) read it whole; everyone else reads
 * only its sentences without source notes, or nothing when it is all source notes.
 */
export function processingNoteFor(note: string | null, canManage: boolean): string | null {
  if (!note || canManage) return note;
  const kept = note
    .split(/(?<=[.;])\s+/)
    .filter((sentence) => !SOURCE_NOTE.test(sentence))
    .join(" ")
    .trim();
  return kept || null;
}
