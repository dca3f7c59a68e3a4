import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossiers, units } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { translatorFor } from "@/lib/i18n/translate";
import { log } from "@/lib/log";
import { seedTestOrg } from "@/lib/testing";
import { PHONE_FAILURE_CAP, lookupRefusal } from "./lookup-gate";
import { PUBLIC_LOOKUP_LIMIT, type PublicLookupResult, publicLookup } from "./public-lookup";
import { receiveDossier } from "./receive";
import { apiCtxOf, citizen, seedTestProcedures } from "./testing";
import { transitionDossier } from "./transition";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let lam: { code: string; secret: string };
let proxy: { code: string; secret: string };
let online: { code: string; nationalCode: string };

// Everything private about the two citizens, in every form it is stored or printed.
const PRIVATE = [
  "84912345678",
  "0912345678",
  "0912 345 678",
  "042095001234",
  citizen.submitterAddress,
  "Hà Huy Tập",
  "84358111222",
  "0358111222",
  "0358 111 222",
  "84987654321",
  "0987654321",
  "0987 654 321",
  "183456789",
  "042190000111",
  "Số 7, đường Trần Phú",
  "Trần Phú",
];

async function secretOf(code: string) {
  const [d] = await h.db.select({ secret: dossiers.lookupSecret }).from(dossiers).where(eq(dossiers.code, code));
  return d.secret;
}

let ipCounter = 0;
/** A fresh client address per look-up group, so the rate limit only bites where a test wants it. */
const freshIp = () => `203.0.113.${++ipCounter}`;

function lookup(input: { code: string; secret?: string | null; phoneLast4?: string | null; ip?: string | null }) {
  return publicLookup({ ip: freshIp(), ...input }, h.db);
}

function expectNothingPrivate(r: PublicLookupResult) {
  const text = JSON.stringify(r);
  for (const p of PRIVATE) expect(text, p).not.toContain(p);
  expect(text).not.toContain(lam.secret);
  expect(text).not.toContain(proxy.secret);
}

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  const procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const centre = await apiCtxOf(h.db, org.unitIds.center);
  const a = await receiveDossier(centre, { ...citizen, procedureId: procs.birth, receivedAt: "2025-08-04T02:00:00Z" });
  await transitionDossier(org.receptionist, {
    code: a.code,
    to: "assigned",
    note: "Đã gọi công dân theo số 0912 345 678, CCCD 042095001234",
  });
  await transitionDossier(org.receptionist, {
    code: a.code,
    to: "supplement_requested",
    missing: "Bản sao giấy chứng sinh",
  });
  lam = { code: a.code, secret: await secretOf(a.code) };
  const b = await receiveDossier(centre, {
    submitterName: "Trần Thị Mai",
    submitterIdNumber: "183456789",
    submitterPhone: "0358 111 222",
    ownerSameAsSubmitter: ["0"],
    ownerName: "Lê Văn Hùng",
    ownerIdNumber: "042190000111",
    ownerPhone: "0987 654 321",
    ownerAddress: "Số 7, đường Trần Phú, phường Thành Sen",
    procedureId: procs.alcohol,
    receivedAt: "2025-08-05T02:00:00Z",
  });
  proxy = { code: b.code, secret: await secretOf(b.code) };
  const c = await receiveDossier(centre, {
    ...citizen,
    submitterName: "Phạm Thị Thu Hà",
    procedureId: procs.birth,
    channel: "online",
    startAs: "submitted",
    nationalCode: "G22.99-250806-0042",
    receivedAt: "2025-08-06T02:00:00Z",
  });
  online = { code: c.code, nationalCode: "G22.99-250806-0042" };
});
afterAll(() => h.close());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("publicLookup: what the citizen must do, and where to go", () => {
  const patch = (code: string, set: Partial<typeof dossiers.$inferInsert>) =>
    h.db.update(dossiers).set(set).where(eq(dossiers.code, code));

  it("lists the documents to supplement when the dossier waits for them", async () => {
    const r = await lookup({ code: lam.code, secret: lam.secret });
    if (r.kind !== "full") throw new Error(r.kind);
    expect(r.todo).toEqual({ supplement: ["Bản sao giấy chứng sinh"], fee: null, apologyDueAt: null });
  });

  it("gives the fee and its payment link, but only an https link", async () => {
    await patch(proxy.code, {
      status: "fee_requested",
      feeAmount: 1_500_000,
      feePaymentUrl: "https://thanhtoan.example.vn/hs/7",
    });
    const r = await lookup({ code: proxy.code, secret: proxy.secret });
    if (r.kind !== "full") throw new Error(r.kind);
    expect(r.todo).toEqual({
      supplement: null,
      fee: { amount: 1_500_000, paymentUrl: "https://thanhtoan.example.vn/hs/7" },
      apologyDueAt: null,
    });
    await patch(proxy.code, { feePaymentUrl: "http://thanhtoan.example.vn/hs/7" });
    const plain = await lookup({ code: proxy.code, phoneLast4: "4321" });
    expect(plain).toMatchObject({ kind: "full", todo: { fee: { amount: 1_500_000, paymentUrl: null } } });
  });

  it(
    "gives the new due date of an apology while the dossier " + "is handled, and nothing once it has its result",
    async () => {
      const newDueAt = new Date("2025-08-20T02:00:00Z");
      await patch(proxy.code, {
        status: "appraising",
        apologyAt: new Date("2025-08-06T02:00:00Z"),
        newDueAt,
        apologyReason: "Chờ xác minh",
      });
      expect(await lookup({ code: proxy.code, secret: proxy.secret })).toMatchObject({
        kind: "full",
        todo: { supplement: null, fee: null, apologyDueAt: newDueAt },
      });
      await patch(proxy.code, { status: "result_ready" });
      expect(await lookup({ code: proxy.code, secret: proxy.secret })).toMatchObject({
        kind: "full",
        todo: { apologyDueAt: null },
      });
    },
  );

  it(
    "names the receiving office with its address, hotline and " +
      "hours, even to a look-up by code alone; never the todo",
    async () => {
      await h.db.update(units).set({ hotline: "0239 3 000 037" }).where(eq(units.id, org.unitIds.center));
      const r = await lookup({ code: lam.code });
      expect(r).toMatchObject({
        kind: "masked",
        office: {
          name: "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
          hotline: "0239 3 000 037",
          hours: { morning: ["07:30", "11:30"] },
        },
      });
      expect(JSON.stringify(r)).not.toContain("Bản sao giấy chứng sinh");
    },
  );
});

describe("publicLookup with the QR secret", () => {
  it("shows the procedure and the timeline of status changes", async () => {
    const r = await lookup({ code: lam.code, secret: lam.secret });
    expect(r).toMatchObject({
      kind: "full",
      code: lam.code,
      ownerName: "Nguyễn Văn Lâm",
      procedureName: "Đăng ký khai sinh",
      status: "supplement_requested",
      statusLabel: "Yêu cầu bổ sung hồ sơ",
    });
    if (r.kind !== "full") throw new Error(r.kind);
    expect(r.timeline.map((t) => [t.status, t.statusLabel])).toEqual([
      ["received", "Đã tiếp nhận"],
      ["assigned", "Phân công thụ lý"],
      ["supplement_requested", "Yêu cầu bổ sung hồ sơ"],
    ]);
    expect(r.receivedAt?.toISOString()).toBe("2025-08-04T02:00:00.000Z");
    expect(r.dueAt).toBeInstanceOf(Date);
  });

  it("never carries phone, ID number, address or staff notes, even in full", async () => {
    expectNothingPrivate(await lookup({ code: lam.code, secret: lam.secret }));
    expectNothingPrivate(await lookup({ code: proxy.code, secret: proxy.secret }));
  });

  it("accepts the code typed in lower case with stray spaces", async () => {
    const r = await lookup({ code: ` ${lam.code.toLowerCase()} `, secret: lam.secret });
    expect(r.kind).toBe("full");
  });

  it("does not open the timeline with a wrong secret, another dossier's secret or a prefix of the secret", async () => {
    for (const secret of ["wrong-secret", proxy.secret, lam.secret.slice(0, -1), `${lam.secret}x`, ""]) {
      const r = await lookup({ code: lam.code, secret });
      expect(r.kind, secret).toBe("masked");
      expect(r).not.toHaveProperty("timeline");
      expect(r).not.toHaveProperty("procedureName");
    }
  });
});

describe("publicLookup with the last four digits of the registered phone", () => {
  it("opens the timeline with the submitter's or the owner's phone", async () => {
    expect((await lookup({ code: lam.code, phoneLast4: "5678" })).kind).toBe("full");
    expect((await lookup({ code: proxy.code, phoneLast4: "1222" })).kind).toBe("full");
    expect((await lookup({ code: proxy.code, phoneLast4: "4321" })).kind).toBe("full");
    expect((await lookup({ code: lam.code, phoneLast4: " 56-78 " })).kind).toBe("full");
  });

  it("falls back to the short answer and says the digits do not match", async () => {
    const r = await lookup({ code: lam.code, phoneLast4: "1234" });
    expect(r).toMatchObject({ kind: "masked", phoneMismatch: true });
    expect((await lookup({ code: lam.code, phoneLast4: "45678" })).kind).toBe("masked");
    expect((await lookup({ code: lam.code, phoneLast4: "678" })).kind).toBe("masked");
    // Another dossier's phone does not open this one.
    expect((await lookup({ code: lam.code, phoneLast4: "4321" })).kind).toBe("masked");
  });
});

describe("publicLookup with the code alone", () => {
  it("shows status and dates with the owner's given names reduced to initials", async () => {
    const r = await lookup({ code: lam.code });
    expect(r).toMatchObject({
      kind: "masked",
      code: lam.code,
      ownerName: "Nguyễn V*** L***",
      status: "supplement_requested",
      statusLabel: "Yêu cầu bổ sung hồ sơ",
      phoneMismatch: false,
    });
    if (r.kind !== "masked") throw new Error(r.kind);
    expect(r.receivedAt?.toISOString()).toBe("2025-08-04T02:00:00.000Z");
    expect(r.dueAt).toBeInstanceOf(Date);
  });

  it("names the owner, not the person who submitted on their behalf", async () => {
    expect(await lookup({ code: proxy.code })).toMatchObject({ kind: "masked", ownerName: "Lê V*** H***" });
  });

  it(
    "leaks no phone, ID number, address, full name, procedure, " + "timeline or secret anywhere in the answer",
    async () => {
      for (const r of [
        await lookup({ code: lam.code }),
        await lookup({ code: proxy.code }),
        await lookup({ code: lam.code, phoneLast4: "0000" }),
      ]) {
        expectNothingPrivate(r);
        const text = JSON.stringify(r);
        for (const word of [
          "Nguyễn Văn Lâm",
          "Văn",
          "Lâm",
          "Lê Văn Hùng",
          "Hùng",
          "Trần Thị Mai",
          "Đăng ký khai sinh",
          "Cấp Giấy phép bán lẻ rượu",
          "timeline",
          "lookupSecret",
        ]) {
          expect(text, word).not.toContain(word);
        }
        expect(Object.keys(r).sort()).toEqual([
          "code",
          "dueAt",
          "finishedAt",
          "kind",
          "newDueAt",
          "oaId",
          "oaName",
          "office",
          "ownerName",
          "phoneMismatch",
          "receivedAt",
          "returnedAt",
          "status",
          "statusLabel",
        ]);
      }
    },
  );

  it("finds an online dossier by its national portal code, dated by its submission", async () => {
    const r = await lookup({ code: online.nationalCode.toLowerCase() });
    expect(r).toMatchObject({
      kind: "masked",
      code: online.code,
      ownerName: "Phạm T*** T*** H***",
      status: "submitted",
      statusLabel: "Chờ tiếp nhận",
    });
    if (r.kind !== "masked") throw new Error(r.kind);
    expect(r.receivedAt?.toISOString()).toBe("2025-08-06T02:00:00.000Z");
  });

  it("answers not found for an unknown, empty or absurdly long code", async () => {
    for (const code of ["H27.37-250804-9999", "", "   ", "X".repeat(500)]) {
      expect(await lookup({ code }), code).toEqual({ kind: "not_found" });
    }
  });
});

describe("publicLookup against a botnet guessing the phone digits", () => {
  it(
    "closes the phone mode of a dossier after ten wrong guesses " +
      "from any mix of addresses, even for the right digits",
    async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2025-08-13T02:10:00Z"));
      const target = await receiveDossier(await apiCtxOf(h.db, org.unitIds.center), {
        ...citizen,
        procedureId: (await h.db.select().from(dossiers).limit(1))[0].procedureId,
        receivedAt: "2025-08-13T02:00:00Z",
      });
      for (let guess = 0; guess < PHONE_FAILURE_CAP.limit; guess++) {
        const r = await lookup({ code: target.code, phoneLast4: String(1000 + guess) });
        expect(r).toMatchObject({ kind: "masked", phoneMismatch: true });
      }
      expect(await lookup({ code: target.code, phoneLast4: "5678" })).toEqual({
        kind: "limited",
        retryAfterSeconds: 50 * 60,
      });
      expect(await lookupRefusal(h.db, { code: target.code, phoneTried: true, ip: freshIp() })).toEqual({
        retryAfterSeconds: 50 * 60,
      });
      // The code alone and the QR secret still work; the phone mode reopens after the window.
      expect(await lookupRefusal(h.db, { code: target.code, phoneTried: false, ip: freshIp() })).toBeNull();
      expect((await lookup({ code: target.code })).kind).toBe("masked");
      expect((await lookup({ code: target.code, secret: await secretOf(target.code), phoneLast4: "0000" })).kind).toBe(
        "full",
      );
      vi.setSystemTime(new Date("2025-08-13T03:00:00Z"));
      expect((await lookup({ code: target.code, phoneLast4: "5678" })).kind).toBe("full");
    },
  );

  it("tells the page beforehand that an address is over its limit, so it answers 429", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-08-14T02:00:30Z"));
    const ip = "198.51.100.77";
    for (let i = 0; i < PUBLIC_LOOKUP_LIMIT.limit; i++) await lookup({ code: lam.code, ip });
    expect(await lookupRefusal(h.db, { code: lam.code, phoneTried: false, ip })).toEqual({ retryAfterSeconds: 30 });
  });
});

describe("publicLookup rate limit and log", () => {
  it(
    "refuses the 31st look-up of an address within a minute, " + "whatever is asked, with a Vietnamese message",
    async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2025-08-11T02:00:10Z"));
      const ip = "198.51.100.7";
      for (let i = 0; i < PUBLIC_LOOKUP_LIMIT.limit; i++) {
        const r = await lookup({ code: `H27.37-250804-${String(1000 + i)}`, ip });
        expect(r.kind).toBe("not_found");
      }
      const refused = await lookup({ code: lam.code, secret: lam.secret, ip });
      expect(refused).toEqual({ kind: "limited", retryAfterSeconds: 50 });
      if (refused.kind !== "limited") throw new Error(refused.kind);
      expect(translatorFor("vi")("dossiers.lookup.limited", { seconds: refused.retryAfterSeconds })).toBe(
        "Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau 50 giây.",
      );
      // Another address is not affected; the same one is served again in the next minute.
      expect((await lookup({ code: lam.code, secret: lam.secret, ip: "198.51.100.8" })).kind).toBe("full");
      vi.setSystemTime(new Date("2025-08-11T02:01:00Z"));
      expect((await lookup({ code: lam.code, secret: lam.secret, ip })).kind).toBe("full");
    },
  );

  it("counts look-ups without a known address together", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-08-12T02:00:00Z"));
    for (let i = 0; i < PUBLIC_LOOKUP_LIMIT.limit; i++) await lookup({ code: lam.code, ip: null });
    expect(await lookup({ code: lam.code, ip: null })).toMatchObject({ kind: "limited", retryAfterSeconds: 60 });
  });

  it("logs each look-up with its mode, without the secret or the digits tried", async () => {
    const info = vi.spyOn(log, "info");
    const warn = vi.spyOn(log, "warn");
    await lookup({ code: lam.code, secret: lam.secret, ip: "192.0.2.1" });
    await lookup({ code: lam.code, phoneLast4: "5678", ip: "192.0.2.1" });
    await lookup({ code: lam.code, phoneLast4: "0000", ip: "192.0.2.1" });
    await lookup({ code: "nope", ip: "192.0.2.1" });
    const entries = info.mock.calls
      .filter((c) => c[1] === "public dossier look-up")
      .map((c) => c[0] as Record<string, unknown>);
    expect(entries).toEqual([
      { code: lam.code, ip: "192.0.2.1", mode: "secret", phoneTried: false },
      { code: lam.code, ip: "192.0.2.1", mode: "phone", phoneTried: true },
      { code: lam.code, ip: "192.0.2.1", mode: "code", phoneTried: true },
      { code: "NOPE", ip: "192.0.2.1", mode: "not_found", phoneTried: false },
    ]);
    expect(JSON.stringify(entries)).not.toContain(lam.secret);
    expect(warn).not.toHaveBeenCalled();
  });
});
