import { describe, expect, it } from "vitest";
import { cleanText, foldForSearch, nfc } from "./text";
import { maskDigits, maskPersonName, maskSensitiveText } from "./privacy";

describe("Vietnamese text", () => {
  it("normalises decomposed input to NFC", () => {
    const decomposed = "Nguyễn".normalize("NFD");
    expect(decomposed).not.toBe("Nguyễn");
    expect(nfc(decomposed)).toBe("Nguyễn");
    expect(cleanText("  Trần   Văn\tA ")).toBe("Trần Văn A");
  });
  it("folds diacritics and đ for search", () => {
    expect(foldForSearch("Nguyễn Văn Á")).toBe("nguyen van a");
    expect(foldForSearch("ĐẶNG Thị Đào")).toBe("dang thi dao");
  });
});

describe("masking", () => {
  it("masks phone and ID numbers inside text", () => {
    expect(maskSensitiveText("gọi 0912345678 hoặc CCCD 042095001234")).toBe("gọi 091*****78 hoặc CCCD 042*******34");
    expect(maskSensitiveText("+84912345678")).not.toContain("12345");
    expect(maskDigits("84912345678")).toBe("849******78");
  });
  it("masks a citizen's given names", () => {
    expect(maskPersonName("NGUYỄN VĂN LÂM")).toBe("NGUYỄN V*** L***");
  });
});
