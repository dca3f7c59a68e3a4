import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { withTransaction } from "@/lib/services/context";
import { seedTestOrg } from "@/lib/testing";
import { criterionKey, readRatingSettings, saveRatingSettings } from "./save-settings";
import { getRatingSettings, levelForStars } from "./settings";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

const form = (over: Record<string, unknown> = {}) => ({
  criterionKey: ["convenience", "attitude", "timeliness", "", ""],
  criterionLabel: ["Sự thuận tiện", "Thái độ, tác phong của cán bộ", "", "Cơ sở vật chất", ""],
  star1: "dissatisfied",
  star2: "dissatisfied",
  star3: "dissatisfied",
  star4: "satisfied",
  star5: "very_satisfied",
  changeDays: "3",
  followupWorkingDays: "4",
  ...over,
});

describe("rating settings (admin)", () => {
  it("renames, drops and adds criteria, remaps the Zalo stars and the time limits, with an audit row", async () => {
    await saveRatingSettings(org.admin, form());
    const s = await readRatingSettings(org.admin);
    expect(s.criteria).toEqual([
      { key: "convenience", label: "Sự thuận tiện" },
      { key: "attitude", label: "Thái độ, tác phong của cán bộ" },
      { key: "co_so_vat_chat", label: "Cơ sở vật chất" },
    ]);
    const starLevels = {
      "1": "dissatisfied",
      "2": "dissatisfied",
      "3": "dissatisfied",
      "4": "satisfied",
      "5": "very_satisfied",
    };
    expect(s.starLevels).toEqual(starLevels);
    expect([s.changeDays, s.followupWorkingDays]).toEqual([3, 4]);
    // Zalo's three stars now land on Không hài lòng (they were Hài lòng by default).
    expect(levelForStars(await getRatingSettings(h.db), 3)).toBe("dissatisfied");
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, "rating_settings.update"));
    expect(audit.actorLabel).toBe(org.admin.actor.label);
    const changed = Object.keys(audit.changes as object).sort();
    expect(changed).toEqual(["changeDays", "criteria", "followupWorkingDays", "starLevels"]);
  });

  it("joins the caller's transaction (undone with it) and stamps the caller's clock", async () => {
    const before = await getRatingSettings(h.db);
    const err = await withTransaction({ ...org.admin, db: h.db }, async (ctx, tx) => {
      await saveRatingSettings(ctx, form({ changeDays: "9" }));
      expect((await getRatingSettings(tx)).changeDays).toBe(9);
      throw new Error("the outer work fails");
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("the outer work fails");
    expect(await getRatingSettings(h.db)).toEqual(before);
    const now = new Date("2026-03-02T03:04:05Z");
    await saveRatingSettings({ ...org.admin, db: h.db, now }, form({ changeDays: "5" }));
    expect(await getRatingSettings(h.db)).toMatchObject({ changeDays: 5, updatedAt: now });
  });

  it("refuses other roles", async () => {
    for (const ctx of [org.supervisor, org.receptionist]) {
      await expect(saveRatingSettings(ctx, form())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(readRatingSettings(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("refuses bad input with a Vietnamese message per field and changes nothing", async () => {
    const before = await getRatingSettings(h.db);
    const refused = async (over: Record<string, unknown>) => {
      const err = await saveRatingSettings(org.admin, form(over)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).fieldErrors;
    };
    const twice = ["Sự thuận tiện", "Sự thuận tiện", "", "", ""];
    expect((await refused({ criterionLabel: twice })).criteria).toContain("bị trùng");
    expect((await refused({ criterionLabel: ["", "", "", "", ""] })).criteria).toBe("Cần ít nhất một tiêu chí.");
    expect((await refused({ star3: "neutral" })).star3).toContain("Rất hài lòng, Hài lòng, Không hài lòng");
    expect((await refused({ changeDays: "-1" })).changeDays).toBe("Số ngày được sửa đánh giá: từ 0 đến 30 ngày.");
    expect((await refused({ followupWorkingDays: "năm" })).followupWorkingDays).toContain("Hạn xử lý phản ánh");
    expect(await getRatingSettings(h.db)).toEqual(before);
  });

  it("derives a new criterion's key from its label without diacritics", () => {
    expect(criterionKey("Đúng hẹn trả kết quả")).toBe("dung_hen_tra_ket_qua");
  });
});
