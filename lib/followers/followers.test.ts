import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, zaloFollowers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { insertTestFollowers } from "@/lib/announcements/testing";
import { ForbiddenError } from "@/lib/errors";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { seedTestOrg } from "@/lib/testing";
import { ZaloApiError } from "@/lib/zalo/errors";
import type { ZaloUserDetail } from "@/lib/zalo/client";
import { followersCsv } from "./csv";
import { followerTags, getFollower, listFollowers, parseFollowerFilter } from "./list";
import { confirmPhoneByCode, sendPhoneCode } from "./phone-proof";
import { linkFollowerInfo } from "./record";
import { followerSyncState, getFollowerSync, startFollowerSync, syncFollowersStep } from "./sync";
import { latestPhoneCode } from "./testing";
import { setFollowerTag } from "./tags";
import { vi } from "@/lib/i18n/messages/vi";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await updateNotificationSettings(h.db, { rateLimitEnabled: false });
});
afterAll(() => h.close());

/** The phone each profile shows in its shared info (what the citizen typed into Zalo's form). */
const daoOnly = (i: number): string | null => (i === 3 ? "0912 345 003" : null);

function fakeZaloList(n: number, failListAt: number | null = null, sharedPhone = daoOnly) {
  const users = Array.from({ length: n }, (_, i) => `z${i}`);
  const calls: number[] = [];
  return {
    calls,
    async listFollowers(offset: number, count: number) {
      calls.push(offset);
      if (failListAt !== null && offset === failListAt && calls.filter((c) => c === offset).length === 1)
        throw new Error("network down");
      return { total: n, users: users.slice(offset, offset + count).map((userId) => ({ userId })) };
    },
    async getUserDetail(userId: string): Promise<ZaloUserDetail> {
      const i = Number(userId.slice(1));
      return {
        userId,
        userIdByApp: `app-${i}`,
        displayName: i === 3 ? "Nguyễn Thị Đào" : `Công dân ${i}`,
        avatar: null,
        isFollower: true,
        lastInteractionDate: null,
        sharedInfo: sharedPhone(i) ? { phone: sharedPhone(i)!, name: i === 3 ? "Nguyễn Thị Đào" : undefined } : null,
        tagNames: i % 2 ? ["doanh-nghiep"] : [],
      };
    },
  };
}

describe("follower sync", () => {
  it("pages through getlist + user/detail and resumes at the saved offset after a failure", async () => {
    const zalo = fakeZaloList(120, 100);
    expect(await followerSyncState(org.publisher)).toEqual({ kind: "never" });
    await expect(followerSyncState(org.receptionist)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startFollowerSync(org.receptionist)).rejects.toBeInstanceOf(ForbiddenError);
    await startFollowerSync(org.publisher);
    expect(await followerSyncState(org.publisher)).toEqual({ kind: "running", processed: 0, total: null, error: null });
    while ((await syncFollowersStep(h.db, zalo)) > 0);
    let state = await getFollowerSync(h.db);
    expect(state).toMatchObject({ status: "running", nextOffset: 100, lastError: "network down" });
    // The refused page keeps the sync running (the worker retries it) and its reason stays on the page.
    expect(await followerSyncState(org.supervisor)).toEqual({
      kind: "running",
      processed: 100,
      total: 120,
      error: "network down",
    });
    while ((await syncFollowersStep(h.db, zalo)) > 0);
    state = await getFollowerSync(h.db);
    expect(state).toMatchObject({ status: "done", nextOffset: 120, processed: 120, total: 120 });
    expect(await followerSyncState(org.publisher)).toEqual({
      kind: "done",
      finishedAt: state.finishedAt,
      processed: 120,
      failed: 0,
    });
    expect(zalo.calls).toEqual([0, 50, 100, 100]);
    const [dao] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "z3"));
    expect(dao).toMatchObject({
      displayName: "Nguyễn Thị Đào",
      nameKey: "nguyen thi dao",
      phone84: null,
      phoneClaim84: "84912345003",
      tags: ["doanh-nghiep"],
      following: true,
    });
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, "followers.sync"))).toHaveLength(1);
  });

  it("takes a phone in a Zalo profile as a claim only; a proven phone stays proven, a withdrawal stays withdrawn", async () => {
    const byUser = (u: string) => eq(zaloFollowers.oaUserId, u);
    // Anyone can type any number into Zalo's form: a sync that linked it would hand a stranger's dossiers over.
    const proven = {
      phone84: "84912345003",
      phoneClaim84: null,
      phoneConfirmedAt: new Date(),
      phoneConfirmedBy: "otp" as const,
    };
    await h.db.update(zaloFollowers).set(proven).where(byUser("z3"));
    await h.db.update(zaloFollowers).set({ consentAt: null, consentWithdrawnAt: new Date() }).where(byUser("z5"));
    const phones: Record<number, string> = { 3: "0912345003", 5: "0912345005", 7: "0912345007" };
    const zalo = fakeZaloList(120, null, (i) => phones[i] ?? null);
    await startFollowerSync(org.publisher);
    while ((await syncFollowersStep(h.db, zalo)) > 0);
    const row = async (u: string) => (await h.db.select().from(zaloFollowers).where(byUser(u)))[0];
    expect(await row("z3")).toMatchObject({ phone84: "84912345003", phoneClaim84: null, phoneConfirmedBy: "otp" });
    expect(await row("z5")).toMatchObject({ phone84: null, phoneClaim84: null });
    expect(await row("z7")).toMatchObject({ phone84: null, phoneClaim84: "84912345007" });
    // Put back as the list tests expect it.
    await h.db.update(zaloFollowers).set({ phone84: null, phoneClaim84: "84912345003" }).where(byUser("z3"));
    await h.db.update(zaloFollowers).set({ phoneClaim84: null }).where(byUser("z7"));
  });
});

describe("follower list", () => {
  it("finds by name without diacritics and by part of the shared phone; filters and counts", async () => {
    await insertTestFollowers(h.db, [{ key: "gone", following: false, name: "Trần Đào Gone", hoursAgo: 100 }]);
    const r = await listFollowers(org.publisher, parseFollowerFilter({ q: "thi dao" }));
    expect(r.items.map((i) => i.displayName)).toEqual(["Nguyễn Thị Đào"]);
    expect(
      (await listFollowers(org.publisher, parseFollowerFilter({ q: "0912 345" }))).items.map((i) => i.displayName),
    ).toEqual(["Nguyễn Thị Đào"]);
    const dao = await listFollowers(org.supervisor, parseFollowerFilter({ q: "dao" }));
    expect(dao.counts).toEqual({ total: 2, following: 1, linked: 0, pending: 1 });
    expect((await listFollowers(org.publisher, parseFollowerFilter({ following: "no" }))).counts.total).toBe(1);
    expect((await listFollowers(org.publisher, parseFollowerFilter({ tag: "doanh-nghiep" }))).counts.total).toBe(60);
    expect(
      (await listFollowers(org.publisher, parseFollowerFilter({ phone: "pending", recency: "older", since: "bad" })))
        .counts.total,
    ).toBe(1);
    await expect(listFollowers(org.receptionist, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(await followerTags(org.publisher)).toEqual([{ tag: "doanh-nghiep", count: 60 }]);
    const csv = followersCsv(
      (await listFollowers(org.publisher, { q: "=cmd" }, { all: true })).items,
      vi.announcements.csv,
    );
    expect(csv.startsWith('\uFEFF"Tên Zalo"')).toBe(true);
  });

  it("tags are changed on Zalo first; a refusal changes nothing here", async () => {
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "z4"));
    const calls: string[] = [];
    const zalo = {
      async tagFollower(u: string, t: string) {
        if (t === "bị-từ-chối")
          throw new ZaloApiError({ kind: "permanent", code: -201, httpStatus: 200, message: "tag invalid" });
        calls.push(`+${u}:${t}`);
      },
      async untagFollower(u: string, t: string) {
        calls.push(`-${u}:${t}`);
      },
    };
    expect(await setFollowerTag(org.publisher, { followerId: f.id, tag: "nông dân" }, true, zalo)).toEqual([
      "nông dân",
    ]);
    await expect(
      setFollowerTag(org.publisher, { followerId: f.id, tag: "bị-từ-chối" }, true, zalo),
    ).rejects.toBeInstanceOf(ZaloApiError);
    expect(await setFollowerTag(org.publisher, { followerId: f.id, tag: "nông dân" }, false, zalo)).toEqual([]);
    await expect(setFollowerTag(org.supervisor, { followerId: f.id, tag: "x" }, true, zalo)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(calls).toEqual(["+z4:nông dân", "-z4:nông dân"]);
    const detail = await getFollower(org.publisher, f.id);
    expect(detail?.follower.tags).toEqual([]);
  });
});

describe("follower phone states", () => {
  it("lists a claim masked with its latest code, a confirmed phone and none, and filters by them", async () => {
    const ids = await insertTestFollowers(h.db, [
      { key: "claim", name: "Kiểm Tra Chờ", hoursAgo: 1 },
      { key: "proved", name: "Kiểm Tra Đã", hoursAgo: 2 },
      { key: "renamed", name: "Kiểm Tra Đổi Số", hoursAgo: 3 },
      { key: "nophone", name: "Kiểm Tra Không", hoursAgo: 4 },
    ]);
    const share = (key: string, phone84: string) =>
      linkFollowerInfo(h.db, ids.get(key)!, { phone84, name: null, address: null, consentAt: new Date() });
    const sentAt = new Date(Date.now() - 120_000);
    await share("claim", "84987650001");
    expect(await sendPhoneCode(h.db, ids.get("claim")!, sentAt)).toMatchObject({ kind: "sent" });
    await share("proved", "84987650002");
    await sendPhoneCode(h.db, ids.get("proved")!);
    expect(
      await confirmPhoneByCode(h.db, ids.get("proved")!, await latestPhoneCode(h.db, "84987650002")),
    ).toMatchObject({ kind: "confirmed" });
    // A code went to the first number; the follower then shared another one, which has had no code yet.
    await share("renamed", "84987650003");
    await sendPhoneCode(h.db, ids.get("renamed")!);
    await share("renamed", "84987650004");

    const r = await listFollowers(org.publisher, parseFollowerFilter({ q: "kiem tra" }));
    const byName = new Map(r.items.map((i) => [i.displayName, i]));
    expect(byName.get("Kiểm Tra Chờ")).toMatchObject({
      phone84: null,
      claim: { masked: "098*****01", codeSentAt: sentAt },
    });
    expect(byName.get("Kiểm Tra Đã")).toMatchObject({ phone84: "84987650002", claim: null });
    expect(byName.get("Kiểm Tra Đổi Số")).toMatchObject({
      phone84: null,
      claim: { masked: "098*****04", codeSentAt: null },
    });
    expect(byName.get("Kiểm Tra Không")).toMatchObject({ phone84: null, claim: null });
    // The unproven numbers never reach the page in full.
    expect(JSON.stringify(r.items)).not.toMatch(/98765000[134]/);
    expect(r.counts).toEqual({ total: 4, following: 4, linked: 1, pending: 2 });

    const names = async (phone: string) =>
      (await listFollowers(org.publisher, parseFollowerFilter({ q: "kiem tra", phone }))).items.map(
        (i) => i.displayName,
      );
    expect(await names("pending")).toEqual(["Kiểm Tra Chờ", "Kiểm Tra Đổi Số"]);
    expect(await names("confirmed")).toEqual(["Kiểm Tra Đã"]);
    expect(await names("none")).toEqual(["Kiểm Tra Không"]);
    // Followers belong to no unit: staff of another unit with the permission see the same province-wide list.
    expect((await listFollowers(org.admin, parseFollowerFilter({ q: "kiem tra" }))).counts.total).toBe(4);
  });
});
