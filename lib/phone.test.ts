import { describe, expect, it } from "vitest";
import { displayVnPhone, isVnIdNumber, normalizeVnMobile } from "./phone";

describe("Vietnamese mobile numbers", () => {
  it.each([
    ["0912345678", "84912345678"],
    ["+84 912 345 678", "84912345678"],
    ["84912345678", "84912345678"],
    ["0934.810.668", "84934810668"],
    ["0327 123 456", "84327123456"],
    ["0865-123-456", "84865123456"],
  ])("%s → %s", (input, expected) => expect(normalizeVnMobile(input)).toBe(expected));

  it.each(["0232.3856696", "02323856696", "012345678", "09123456789", "abc", "", "0112345678", "+1 912345678"])(
    "rejects %s",
    (input) => {
      expect(normalizeVnMobile(input)).toBeNull();
    },
  );

  it("displays for staff", () => expect(displayVnPhone("84912345678")).toBe("0912 345 678"));
  it("accepts 12-digit CCCD and 9-digit CMND only", () => {
    expect(isVnIdNumber("042095001234")).toBe(true);
    expect(isVnIdNumber("183456789")).toBe(true);
    expect(isVnIdNumber("1834567890")).toBe(false);
  });
});
