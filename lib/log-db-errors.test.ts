import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { staff } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { createLogger } from "./log";
import { safeErrorMessage } from "./privacy";

let h: DbHandle;
let unitId: number;
beforeAll(async () => {
  h = await useTestDb();
  unitId = (await seedTestOrg(h.db)).unitIds.center;
});
afterAll(() => h.close());

function capture() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
  const logger = createLogger(sink);
  logger.level = "info";
  return { logger, text: () => lines.join("") };
}

describe("database errors in the logs", () => {
  it("show the SQLSTATE and constraint, never the statement's values", async () => {
    const person = {
      username: "receptionist",
      fullName: "Hoàng Thị Bí Mật",
      email: "bi.mat@example.vn",
      phone: "0912 777 888",
      role: "receptionist" as const,
      unitId,
      passwordHash: "hash-value-xyz",
    };
    const err = await h.db
      .insert(staff)
      .values(person)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeTruthy();
    const { logger, text } = capture();
    logger.error({ err, action: "createStaff" }, "server action failed");
    const out = text();
    expect(out).toContain('"code":"23505"');
    expect(out).toMatch(/"constraint":"staff_username/);
    for (const value of ["Hoàng Thị Bí Mật", "bi.mat@example.vn", "hash-value-xyz", "777", "Failed query"])
      expect(out).not.toContain(value);
    // The same error stored as a failed webhook event's reason (shown to admins, logged as a string).
    const stored = safeErrorMessage(err);
    expect(stored).toMatch(/^Lỗi cơ sở dữ liệu \(mã 23505, ràng buộc staff_username/);
    for (const value of ["Hoàng Thị Bí Mật", "bi.mat@example.vn", "hash-value-xyz", "Failed query"])
      expect(stored).not.toContain(value);
  });

  it("masks phone and ID numbers written with spaces", () => {
    const { logger, text } = capture();
    logger.info({ note: "gọi 0912 345 678 hoặc +84 912 345 679, CCCD 042 095 001 234" }, "số 0987 654 321 đã gọi");
    const out = text();
    for (const digits of ["345 678", "345 679", "001 234", "654 321"]) expect(out).not.toContain(digits);
    expect(out).toContain("098*****21");
    // Dates, times and codes stay readable.
    logger.info({ code: "H27.37-250812-0001", at: "2025-08-12 08:30" }, "ok");
    expect(text()).toContain("H27.37-250812-0001");
    expect(text()).toContain("2025-08-12 08:30");
  });
});
