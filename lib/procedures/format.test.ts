import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import { formatFee, formatProcessingTime } from "./format";

describe("procedure display", () => {
  it("shows processing time in working days (half days with a comma) or hours", () => {
    expect(formatProcessingTime({ processingDays: 2.5, processingHours: null }, translatorFor("vi"))).toBe(
      "2,5 ngày làm việc",
    );
    expect(formatProcessingTime({ processingDays: 10, processingHours: null }, translatorFor("vi"))).toBe(
      "10 ngày làm việc",
    );
    expect(formatProcessingTime({ processingDays: null, processingHours: 4 }, translatorFor("vi"))).toBe(
      "4 giờ làm việc",
    );
    expect(formatProcessingTime({ processingDays: null, processingHours: null }, translatorFor("vi"))).toBe(
      "Chưa công bố",
    );
    expect(formatProcessingTime({ processingDays: 3, processingHours: null }, translatorFor("en"))).toBe(
      "3 working days",
    );
    expect(formatProcessingTime({ processingDays: 1, processingHours: null }, translatorFor("en"))).toBe(
      "1 working day",
    );
    expect(formatProcessingTime({ processingDays: 0.5, processingHours: null }, translatorFor("en"))).toBe(
      "0.5 working days",
    );
    expect(formatProcessingTime({ processingDays: null, processingHours: 1 }, translatorFor("en"))).toBe(
      "1 working hour",
    );
  });

  it("shows a single fee as money, zero as no fee, otherwise the published text", () => {
    expect(formatFee({ feeAmount: 1_000_000, feeText: "1.000.000 đồng" }, translatorFor("vi"))).toBe("1.000.000 đ");
    expect(formatFee({ feeAmount: 0, feeText: "Không" }, translatorFor("vi"))).toBe("Không thu phí");
    expect(formatFee({ feeAmount: null, feeText: "Theo Nghị quyết HĐND tỉnh" }, translatorFor("vi"))).toBe(
      "Theo Nghị quyết HĐND tỉnh",
    );
    expect(formatFee({ feeAmount: null, feeText: null }, translatorFor("vi"))).toBe("—");
  });
});
