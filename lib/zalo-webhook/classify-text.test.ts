import { describe, expect, it } from "vitest";
import { classifyText } from "./classify-text";

describe("classifyText", () => {
  it("recognises both dossier code formats and the older receipt numbers, anywhere in the text", () => {
    expect(classifyText("H27.37-240219-1001")).toEqual({ kind: "code", code: "H27.37-240219-1001" });
    expect(classifyText("h27.37-240219-1001 ")).toEqual({ kind: "code", code: "H27.37-240219-1001" });
    expect(classifyText("000.00.04.H60-230215-0028")).toEqual({ kind: "code", code: "000.00.04.H60-230215-0028" });
    expect(classifyText("Tra cứu hồ sơ 000.00.04.H60-230215-0028 giúp tôi")).toEqual({
      kind: "code",
      code: "000.00.04.H60-230215-0028",
    });
    expect(classifyText("#TRACUU H27.37-240219-1001")).toEqual({ kind: "code", code: "H27.37-240219-1001" });
    expect(classifyText("1551432622032")).toEqual({ kind: "code", code: "1551432622032" });
    expect(classifyText("Mã số biên nhận: 1551432622032")).toEqual({ kind: "code", code: "1551432622032" });
  });

  it("recognises a mobile number and a CCCD", () => {
    expect(classifyText("0912 345 678")).toEqual({ kind: "phone", phone84: "84912345678" });
    expect(classifyText("+84912345678")).toEqual({ kind: "phone", phone84: "84912345678" });
    expect(classifyText("042095001234")).toEqual({ kind: "idNumber", idNumber: "042095001234" });
  });

  it("answers keywords and menu payloads, with or without diacritics", () => {
    expect(classifyText("#TRACUU")).toEqual({ kind: "keyword", keyword: "lookup" });
    expect(classifyText("Tra cứu")).toEqual({ kind: "keyword", keyword: "lookup" });
    expect(classifyText("#HOTRO")).toEqual({ kind: "keyword", keyword: "help" });
    expect(classifyText("hỗ trợ")).toEqual({ kind: "keyword", keyword: "help" });
  });

  it("treats code-like tokens that match no format as a bad code", () => {
    expect(classifyText("HS-2024-000123")).toEqual({ kind: "badCode", text: "HS-2024-000123" });
    expect(classifyText("H27.37-240219-10")).toEqual({ kind: "badCode", text: "H27.37-240219-10" });
    expect(classifyText("tra cứu   abc")).toEqual({ kind: "badCode", text: "abc" });
  });

  it("leaves questions for the inbox", () => {
    expect(classifyText("Cho tôi hỏi thủ tục cấp đổi giấy phép lái xe cần những gì?")).toEqual({ kind: "other" });
    expect(classifyText("cảm ơn")).toEqual({ kind: "other" });
  });
});
