import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";

describe("counts in the English catalogue", () => {
  const t = translatorFor("en");

  it("agree with the count: one row, two rows", () => {
    expect(t("common.total", { total: 1 })).toBe("1 row");
    expect(t("common.total", { total: 2 })).toBe("2 rows");
    expect(t("common.total", { total: 1000 })).toBe("1,000 rows");
    expect(t("dossiers.intake.copies", { n: 1 })).toBe("1 copy");
    expect(t("ratings.settings.starsLabel", { n: 1 })).toBe("1 star");
    expect(t("reports.drill.total", { n: 1 })).toBe("1 dossier");
    expect(t("calendar.proposalsAdded", { added: 1, skipped: 0 })).toBe(
      "Added 1 day; skipped 0 already in the calendar.",
    );
    expect(t("announcements.syncLine.doneWithFailed", { at: "07/12/2026 10:30", processed: 1200, failed: 1 })).toBe(
      "Synced at 07/12/2026 10:30: 1,200 followers, 1 profile could not be read.",
    );
  });

  it("leave Vietnamese, which has no plural forms, as it was, with Vietnamese digit grouping", () => {
    const vi = translatorFor("vi");
    expect(vi("common.total", { total: 1 })).toBe("1 dòng");
    expect(vi("common.total", { total: 1000 })).toBe("1.000 dòng");
    expect(vi("procedures.daysValue", { days: 2.5 })).toBe("2,5 ngày làm việc");
    expect(vi("announcements.syncLine.running", { processed: 1200, total: 5000 })).toBe(
      "Đang đồng bộ với Zalo: đã xử lý 1.200/5.000 người.",
    );
  });
});
