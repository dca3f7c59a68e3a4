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
  });

  it("leave Vietnamese, which has no plural forms, as it was, with Vietnamese digit grouping", () => {
    const vi = translatorFor("vi");
    expect(vi("common.total", { total: 1 })).toBe("1 dòng");
    expect(vi("common.total", { total: 1000 })).toBe("1.000 dòng");
    expect(vi("procedures.daysValue", { days: 2.5 })).toBe("2,5 ngày làm việc");
  });
});
