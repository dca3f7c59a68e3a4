import { describe, expect, it } from "vitest";
import { renderCanned } from "./canned";

describe("canned answers", () => {
  it("fill the citizen's name, reference, deadline, officer and unit; unknown placeholders stay visible", () => {
    const text = renderCanned(
      "Kính gửi {ten}! Về {so_tiep_nhan} (hạn {han_tra_loi}), {can_bo} – {don_vi} trả lời: {khac}",
      {
        conversation: { id: 7, referenceNumber: "PAKN-2026-000001", dueAt: new Date("2026-05-11T02:00:00Z") },
        follower: { sharedName: null, displayName: "Nguyễn Văn An" },
        staffName: "Nguyễn Thị Hương",
        unitName: "Trung tâm Phục vụ hành chính công",
      },
    );
    expect(text).toBe(
      "Kính gửi Nguyễn Văn An! Về PAKN-2026-000001 (hạn 11/05/2026), " +
        "Nguyễn Thị Hương – Trung tâm Phục vụ hành chính công trả lời: {khac}",
    );
  });
  it("fall back to a polite form and a conversation number", () => {
    const text = renderCanned("{ten} – {so_tiep_nhan}", {
      conversation: { id: 9, referenceNumber: null, dueAt: null },
      follower: { sharedName: null, displayName: null },
      staffName: "",
      unitName: "",
    });
    expect(text).toBe("Ông/Bà – HT-9");
  });
});
