import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { announcements, zaloFollowers } from "@/db/schema";
import { seedAnnouncements } from "@/lib/seed/announcements";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { resetSimState } from "@/lib/sim/state";
import { seedTestOrg } from "@/lib/testing";
import { oaPosterPdf, posterSteps, posterUnits } from "./poster";
import { listPublishedAnnouncements } from "./public";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

describe("demo data", () => {
  it("seeds ~50 tagged followers the simulator also knows, and announcements in several states, once", async () => {
    await seedAnnouncements(h.db);
    await seedAnnouncements(h.db);
    const followers = await h.db.select().from(zaloFollowers);
    expect(followers).toHaveLength(50);
    expect(followers.filter((f) => f.tags.length > 0).length).toBeGreaterThan(35);
    const sim = resetSimState();
    expect(followers.every((f) => sim.citizens.get(f.oaUserId)?.displayName === f.displayName)).toBe(true);
    const states = (await h.db.select({ status: announcements.status }).from(announcements))
      .map((a) => a.status)
      .sort();
    expect(states).toEqual(["draft", "returned", "sent", "submitted"]);
    const published = await listPublishedAnnouncements();
    expect(published.map((p) => p.title)).toEqual([
      "Bãi bỏ yêu cầu giấy xác nhận tình trạng hôn nhân khi đăng ký kết hôn",
    ]);
  });
});

describe("OA poster", () => {
  it("is an A4 PDF for a unit in the caller's scope", async () => {
    const { pdf, unitName } = await oaPosterPdf(org.publisher, org.unitIds.office);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(unitName).toContain("Văn phòng");
    expect(posterSteps("Hành chính công tỉnh Hà Tĩnh")).toHaveLength(5);
    await expect(oaPosterPdf(org.publisher, org.unitIds.thanhsen)).rejects.toBeInstanceOf(NotFoundError);
    await expect(oaPosterPdf(org.receptionist, org.unitIds.center)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("offers each unit of the caller's subtree, and only those, to print for", async () => {
    const names = async (ctx: typeof org.publisher) => (await posterUnits(ctx)).map((u) => u.id);
    expect(await names(org.publisher)).toEqual([org.unitIds.office]);
    const subtree = await names(org.supervisor);
    expect(subtree).toEqual(expect.arrayContaining([org.unitIds.office, org.unitIds.center]));
    expect(subtree).not.toContain(org.unitIds.thanhsen);
    expect((await oaPosterPdf(org.supervisor, org.unitIds.center)).unitName).toContain(
      "Trung tâm Phục vụ hành chính công",
    );
    await expect(oaPosterPdf(org.supervisor, org.unitIds.thanhsen)).rejects.toBeInstanceOf(NotFoundError);
    await expect(oaPosterPdf(org.supervisor, Number("abc"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(posterUnits(org.receptionist)).rejects.toBeInstanceOf(ForbiddenError);
    expect(posterSteps("OA Hà Tĩnh")[1]).toContain('"OA Hà Tĩnh"');
  });
});
