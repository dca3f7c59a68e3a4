import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

describe("log masking", () => {
  it("masks phone and ID numbers and redacts secrets in structured logs", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const logger = createLogger(sink);
    logger.level = "info";
    logger.info(
      { phone: "84912345678", citizen: { idNumber: "042095001234" }, accessToken: "tok-123" },
      "lookup by 0912345678",
    );
    const out = lines.join("");
    expect(out).toContain("lookup by 091*****78");
    expect(out).not.toContain("912345678");
    expect(out).not.toContain("042095001234");
    expect(out).not.toContain("tok-123");
    expect(out).toContain("[redacted]");
  });
});
