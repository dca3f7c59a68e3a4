import { describe, expect, it } from "vitest";
import { processingNoteFor } from "./format";

const SECONDARY =
  "Nguồn thứ cấp: trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ, cơ quan có thẩm quyền kiểm tra thực tế rồi cấp – " +
  "chưa xác minh";

describe("processing-time notes by role", () => {
  it("shows editors the whole note, sources included", () => {
    expect(processingNoteFor(SECONDARY, true)).toBe(SECONDARY);
  });

  it("hides a note that is only a source remark from roles that cannot edit the catalogue", () => {
    expect(processingNoteFor(SECONDARY, false)).toBeNull();
  });

  it("keeps the citizen-facing sentences and drops the source ones", () => {
    const note = "Thời hạn công bố: 5 ngày (ngày theo lịch). Theo https://dichvucong.gov.vn/p/1 – chưa xác minh.";
    expect(processingNoteFor(note, false)).toBe("Thời hạn công bố: 5 ngày (ngày theo lịch).");
    expect(
      processingNoteFor(
        "Ngay trong ngày tiếp nhận; nếu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo",
        false,
      ),
    ).toBe("Ngay trong ngày tiếp nhận; nếu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo");
  });
});
