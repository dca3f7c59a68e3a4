import { describe, expect, it } from "vitest";
import { mergeReplies } from "./outbox";
import { foldInput, isCancel, isYes, otherText, parseChoice } from "./words";

describe("chat-flow words", () => {
  it("folds what phone keyboards produce", () => {
    expect(foldInput("  Hủy. ")).toBe("huy");
    expect(isCancel(foldInput("HUỶ"))).toBe(true);
    expect(isCancel(foldInput("hủy lịch"))).toBe(false);
    expect(isYes(foldInput("Đồng ý!"))).toBe(true);
  });

  it("reads numbered choices within range only", () => {
    expect(parseChoice("2", 5)).toBe(2);
    expect(parseChoice("so 3", 5)).toBe(3);
    expect(parseChoice("0", 5)).toBe(0);
    expect(parseChoice("6", 5)).toBeNull();
    expect(parseChoice("2 cai", 5)).toBeNull();
  });

  it('takes the text after "khác"', () => {
    expect(otherText("Khác: bán gas tại nhà")).toBe("bán gas tại nhà");
    expect(otherText("khac")).toBe("");
    expect(otherText("khách sạn")).toBeNull();
    expect(otherText("rượu")).toBeNull();
  });

  it("merges consecutive texts into one message but keeps cards and buttons apart", () => {
    const card = { text: "Thẻ", requestUserInfo: { title: "t", subtitle: "s", imageUrl: "u" } };
    expect(mergeReplies([{ text: "a" }, { text: "b" }, card, { text: "c" }])).toEqual([
      { text: "a\n\nb" },
      card,
      { text: "c" },
    ]);
  });
});

describe("merging replies", () => {
  it("joins a text with the buttons that follow it", () => {
    const buttons = { text: "Chọn", buttons: [{ title: "1", payload: "1" }] };
    expect(mergeReplies([{ text: "Hết giờ" }, buttons])).toEqual([{ ...buttons, text: "Hết giờ\n\nChọn" }]);
  });
});
