import { describe, expect, it } from "vitest";
import { dayForInput, dayFromInput } from "./day-input";

describe("dates typed as dd/mm/yyyy", () => {
  it("reads the Vietnamese order, with or without leading zeros, and keeps ISO days", () => {
    expect(dayFromInput("12/08/2025")).toBe("2025-08-12");
    expect(dayFromInput(" 1/7/2025 ")).toBe("2025-07-01");
    expect(dayFromInput("01-07-2025")).toBe("2025-07-01");
    expect(dayFromInput("2025-08-12")).toBe("2025-08-12");
  });

  it("leaves a day that does not exist as typed, for validation to refuse", () => {
    expect(dayFromInput("31/02/2025")).toBe("31/02/2025");
    expect(dayFromInput("12/13/2025")).toBe("12/13/2025");
  });

  it("shows an ISO day as dd/mm/yyyy", () => {
    expect(dayForInput("2025-08-12")).toBe("12/08/2025");
    expect(dayForInput(undefined)).toBe("");
  });
});

describe("date and time typed for an apology's new due date", () => {
  it("reads dd/mm/yyyy hh:mm as Vietnam time and keeps the ISO forms", async () => {
    const { parseVietnamDateTime } = await import("@/lib/dossiers/schemas");
    expect(parseVietnamDateTime("12/08/2025 09:00")).toBe("2025-08-12T09:00:00+07:00");
    expect(parseVietnamDateTime("12/08/2025")).toBe("2025-08-12T17:00:00+07:00");
    expect(parseVietnamDateTime("2025-08-12T09:00")).toBe("2025-08-12T09:00:00+07:00");
    expect(parseVietnamDateTime("2025-08-12T02:00:00Z")).toBe("2025-08-12T02:00:00Z");
  });
});
