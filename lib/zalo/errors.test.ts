import { describe, expect, it } from "vitest";
import { classifyZaloError, nextMorningVn, zaloErrorFromCode, zaloErrorReasonVi } from "./errors";
import { parseZaloJson } from "./json";

describe("Zalo error classes", () => {
  it.each([
    [-32, "retryable"],
    [-100, "retryable"],
    [null, "retryable"],
    [-216, "token"],
    [-220, "token"],
    [-124, "token"],
    [-213, "permanent"],
    [-230, "permanent"],
    [-232, "permanent"],
    [-108, "permanent"],
    [-118, "permanent"],
    [-114, "permanent"],
    [-139, "permanent"],
    [-140, "permanent"],
    [-141, "permanent"],
    [-144, "quota"],
    [-211, "quota"],
    [-218, "permanent"],
    [-133, "night_ban"],
    [-234, "night_ban"],
    [-99999, "permanent"],
  ] as const)("%s → %s", (code, kind) => {
    expect(classifyZaloError(code)).toBe(kind);
  });

  it("gives staff a Vietnamese reason", () => {
    expect(zaloErrorReasonVi(-108)).toBe("Số điện thoại không hợp lệ");
    expect(zaloErrorReasonVi(-118)).toBe("Số điện thoại chưa đăng ký Zalo");
    expect(zaloErrorReasonVi(-213)).toBe("Người dùng chưa quan tâm OA");
    expect(zaloErrorReasonVi(-4242)).toContain("-4242");
  });
});

describe("night ban", () => {
  it("postpones to the next 06:00 Asia/Ho_Chi_Minh", () => {
    // 23:30 in Vietnam (16:30 UTC) → 06:00 next day (23:00 UTC same day)
    expect(nextMorningVn(new Date("2025-03-10T16:30:00Z")).toISOString()).toBe("2025-03-10T23:00:00.000Z");
    // 02:15 in Vietnam (19:15 UTC previous day) → 06:00 the same Vietnamese day
    expect(nextMorningVn(new Date("2025-03-10T19:15:00Z")).toISOString()).toBe("2025-03-10T23:00:00.000Z");
    // exactly 06:00 → the following morning
    expect(nextMorningVn(new Date("2025-03-10T23:00:00Z")).toISOString()).toBe("2025-03-11T23:00:00.000Z");
  });

  it("sets retryAt on night-ban errors only", () => {
    const now = new Date("2025-03-10T16:30:00Z");
    expect(zaloErrorFromCode(-133, "", 200, now).retryAt?.toISOString()).toBe("2025-03-10T23:00:00.000Z");
    expect(zaloErrorFromCode(-234, "", 200, now).kind).toBe("night_ban");
    expect(zaloErrorFromCode(-108, "", 200, now).retryAt).toBeUndefined();
  });
});

describe("parseZaloJson", () => {
  it("keeps ids beyond 2^53 exact, leaves strings and small numbers alone", () => {
    const parsed = parseZaloJson(
      '{"user_id": 2468458835296197922, "text": "mã 12345678901234567890", "n": 5, "list":[1234567890123456789]}',
    ) as Record<string, unknown>;
    expect(parsed.user_id).toBe("2468458835296197922");
    expect(parsed.text).toBe("mã 12345678901234567890");
    expect(parsed.n).toBe(5);
    expect(parsed.list).toEqual(["1234567890123456789"]);
  });
});
