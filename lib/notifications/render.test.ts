import { describe, expect, it } from "vitest";
import { appointmentText, messageFields, moneyDigits } from "./fields";
import { EMPTY_PARAM, fitLength, renderCsText, renderZbsParams, unknownPlaceholders } from "./render";
import { testPayload } from "./testing";

const ctx = (over = {}) => ({
  payload: testPayload(over),
  unitName: "Trung tâm Phục vụ hành chính công tỉnh",
  eventAt: new Date("2024-02-20T01:30:00Z"),
});

describe("template rendering", () => {
  it("words the appointment as the receipt does, in Vietnamese time", () => {
    expect(appointmentText("2024-02-26T02:09:00.000Z")).toBe("sau 9 giờ 9 phút, ngày 26/02/2024");
    expect(appointmentText(null)).toBe("");
  });

  it("formats money with dots as thousands separators", () => {
    expect(moneyDigits(1_000_000)).toBe("1.000.000");
    expect(messageFields.feeAmountText(ctx({ feeAmount: 250000 }))).toBe("250.000 đồng");
  });

  it("normalises to NFC before measuring, and cuts by characters with an ellipsis", () => {
    const decomposed = "Nguyê\u0301n Văn Lâm".normalize("NFD");
    expect(fitLength(decomposed, 30)).toBe("Nguyến Văn Lâm".normalize("NFC"));
    expect(fitLength(decomposed, 30).length).toBe(14);
    const long = "Trần Thị Hồng Nhung Phương Thảo Ngọc";
    const cut = fitLength(long, 30);
    expect(Array.from(cut)).toHaveLength(30);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("fills ZBS parameters from the snapshot within their limits, never empty", () => {
    const data = renderZbsParams(
      [
        { param: "customer_name", field: "submitterName", maxLength: 30 },
        { param: "due_date", field: "dueAtShort", maxLength: 20 },
        { param: "amount", field: "feeAmountText", maxLength: 30 },
        { param: "reason", field: "reason", maxLength: 200 },
      ],
      ctx({ feeAmount: 1_000_000, submitterName: "Nguyễn Văn Lâm".normalize("NFD") }),
    );
    expect(data).toEqual({
      customer_name: "Nguyễn Văn Lâm",
      due_date: "09:09 26/02/2024",
      amount: "1.000.000 đồng",
      reason: EMPTY_PARAM,
    });
    expect(data.customer_name).toBe(data.customer_name.normalize("NFC"));
  });

  it("fills consultation placeholders and leaves unknown ones visible", () => {
    const text = renderCsText("Hồ sơ {code}: hẹn trả {dueAt}. {bogus}", ctx());
    expect(text).toBe("Hồ sơ H27.37-240226-0001: hẹn trả sau 9 giờ 9 phút, ngày 26/02/2024. {bogus}");
    expect(unknownPlaceholders("{code} {bogus} {dueAt} {x}")).toEqual(["bogus", "x"]);
  });

  it("keeps consultation text within Zalo's 2,000 characters", () => {
    expect(Array.from(renderCsText("{missing}", ctx({ missing: ["ả".repeat(3000)] })))).toHaveLength(2000);
  });
});
