import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossiers, zaloFollowers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { insertTestDossier } from "./testing";
import { dossierZaloAccount } from "./zalo-account";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const confirmedAt = new Date("2026-11-20T03:00:00Z");

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

const dossierWith = async (phone84: string | null, over: { notifyZalo?: boolean } = {}) =>
  (await insertTestDossier(h.db, org.unitIds.center, { phone84, ...over })).id;

let seq = 0;
const follower = (over: Partial<typeof zaloFollowers.$inferInsert>) =>
  h.db.insert(zaloFollowers).values({ oaUserId: `u-acct-${++seq}`, ...over });

describe("dossierZaloAccount", () => {
  it("names the account that proved the phone, with its confirmation time and that it follows the OA", async () => {
    const id = await dossierWith("84912000201");
    await follower({
      phone84: "84912000201",
      displayName: "Lâm Nguyễn",
      following: true,
      phoneConfirmedAt: confirmedAt,
    });
    expect(await dossierZaloAccount(org.receptionist, id)).toEqual({
      kind: "proven",
      phone84: "84912000201",
      of: "submitter",
      displayName: "Lâm Nguyễn",
      confirmedAt,
      following: true,
      others: 0,
    });
  });

  it("says when the proven account no longer follows the OA", async () => {
    const id = await dossierWith("84912000202");
    await follower({
      phone84: "84912000202",
      displayName: "Bỏ Quan Tâm",
      following: false,
      phoneConfirmedAt: confirmedAt,
    });
    expect(await dossierZaloAccount(org.receptionist, id)).toMatchObject({ kind: "proven", following: false });
  });

  it("prefers the following, most recently active account, counting the others that proved the phone", async () => {
    const id = await dossierWith("84912000203");
    const old = new Date("2026-11-01T00:00:00Z");
    await follower({ phone84: "84912000203", displayName: "Cũ", following: true, lastInteractionAt: old });
    await follower({ phone84: "84912000203", displayName: "Mới", following: true, lastInteractionAt: new Date() });
    await follower({ phone84: "84912000203", displayName: "Đã bỏ", following: false, lastInteractionAt: new Date() });
    expect(await dossierZaloAccount(org.receptionist, id)).toMatchObject({ displayName: "Mới", others: 2 });
  });

  it("reports only that a claim exists, never the claiming account, while the phone is not proven", async () => {
    const id = await dossierWith("84912000204");
    await follower({ phoneClaim84: "84912000204", displayName: "Người Lạ", following: true });
    const account = await dossierZaloAccount(org.receptionist, id);
    expect(account).toEqual({ kind: "claimed", phone84: "84912000204", of: "submitter" });
  });

  it("says none when no account proved or claimed the phone; falls back to the owner's phone", async () => {
    const id = await dossierWith("84912000205");
    await follower({ phone84: "84912000299", phoneClaim84: null, displayName: "Số Khác", following: true });
    expect(await dossierZaloAccount(org.receptionist, id)).toEqual({
      kind: "none",
      phone84: "84912000205",
      of: "submitter",
    });

    const ownerOnly = await dossierWith(null);
    await h.db.update(dossiers).set({ ownerPhone84: "84912000206" }).where(eq(dossiers.id, ownerOnly));
    await follower({ phone84: "84912000206", displayName: "Chủ Hồ Sơ", following: true });
    expect(await dossierZaloAccount(org.receptionist, ownerOnly)).toMatchObject({
      kind: "proven",
      of: "owner",
      displayName: "Chủ Hồ Sơ",
    });
  });

  it("says no Zalo message goes without a valid mobile", async () => {
    const landline = await dossierWith("842438251234");
    expect(await dossierZaloAccount(org.receptionist, landline)).toEqual({ kind: "noMobile" });
    expect(await dossierZaloAccount(org.receptionist, await dossierWith(null))).toEqual({ kind: "noMobile" });
  });

  it("answers nothing for a dossier without Zalo notifications, or outside the caller's units", async () => {
    const off = await dossierWith("84912000207", { notifyZalo: false });
    await follower({ phone84: "84912000207", displayName: "Tắt", following: true });
    expect(await dossierZaloAccount(org.receptionist, off)).toBeNull();
    const id = await dossierWith("84912000208");
    await follower({ phone84: "84912000208", displayName: "Đơn Vị Khác", following: true });
    expect(await dossierZaloAccount(org.receptionistThanhSen, id)).toBeNull();
    await expect(dossierZaloAccount(org.publisher, id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
