import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { announcementRecipientsReport } from "@/lib/announcements/queries";
import { createAnnouncement } from "@/lib/announcements/save-draft";
import { listFollowers, parseFollowerFilter } from "@/lib/followers/list";
import { ratingsCsvStream } from "@/lib/reports/ratings-csv";
import { seedTestOrg } from "@/lib/testing";

/** Every bulk CSV of personal data leaves a trace: who, which filter, how many rows. */
let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

async function auditOf(action: string) {
  return h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorLabel, org.publisher.actor.label)));
}

describe("bulk CSV exports are audited", () => {
  it("followers: the filter and the row count", async () => {
    const { items } = await listFollowers(org.publisher, parseFollowerFilter({ phone: "confirmed" }), { all: true });
    const [row] = await auditOf("followers.export");
    expect(row.changes).toMatchObject({ filter: { phone: "confirmed" }, rows: items.length });
    await listFollowers(org.publisher, parseFollowerFilter({}));
    expect(await auditOf("followers.export")).toHaveLength(1); // a screen page is not an export
  });

  it("ratings: written once the stream is read to its end, with the period", async () => {
    const ctx = org.supervisor;
    await new Response(await ratingsCsvStream(ctx, { from: "2026-01-01", to: "2026-01-31" })).text();
    const [row] = await h.db.select().from(auditLog).where(eq(auditLog.action, "ratings.export"));
    expect(row.changes).toMatchObject({ filter: { from: "2026-01-01", to: "2026-01-31" }, rows: 0 });
  });

  it("an announcement's recipients", async () => {
    const a = await createAnnouncement(org.publisher, {
      title: "Thủ tục mới: đăng ký khai sinh trực tuyến",
      summary: "Từ 15/12/2026 người dân đăng ký khai sinh trên Cổng dịch vụ công.",
      body: [{ type: "text", content: "Hướng dẫn chi tiết tại Bộ phận Một cửa." }],
      audience: { kind: "segment", recency: "any" },
    });
    await announcementRecipientsReport(org.publisher, a.id);
    const [row] = await auditOf("announcement_recipients.export");
    expect(row).toMatchObject({ entityId: String(a.id), changes: { rows: 0 } });
  });
});
