import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  dossiers,
  procedures,
  zaloDeliveryStatuses,
  zaloFollowers,
  zaloIncomingMessages,
  zaloWebhookEvents,
} from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { OTP_TTL_MS, RECEIPT_PROOF_LIMIT, confirmPhoneByCode, forgetExpiredCodes } from "@/lib/followers/phone-proof";
import { findFollowersByPhone } from "@/lib/followers/queries";
import { latestPhoneCode } from "@/lib/followers/testing";
import { seedTestOrg } from "@/lib/testing";
import { storeTokenPair } from "@/lib/zalo/tokens";
import { POST } from "@/app/api/zalo/webhook/route";
import { zaloEventsJobs } from "./job";
import { processDueEvents } from "./process";
import { sweepStuckEvents } from "./queue";
import { followEvent, signedRequest, type StubZalo, startStubZalo, TEST_OA, textEvent, useTestOaEnv } from "./testing";

let h: DbHandle;
let zalo: StubZalo;

async function deliver(payload: unknown) {
  const res = await POST(signedRequest(payload));
  expect(res.status).toBe(200);
}

async function drain() {
  let total = 0;
  for (let n = await processDueEvents(h.db, "test"); n > 0; n = await processDueEvents(h.db, "test")) total += n;
  return total;
}

async function eventRow(dedupeKey: string) {
  const [row] = await h.db.select().from(zaloWebhookEvents).where(eq(zaloWebhookEvents.dedupeKey, dedupeKey));
  return row;
}

const lastText = () => zalo.sent.at(-1)?.text ?? "";

function submitInfo(userId: string, phone: string, at = Date.now()) {
  return {
    app_id: TEST_OA.appId,
    event_name: "user_submit_info",
    timestamp: String(at),
    sender: { id: userId },
    recipient: { id: TEST_OA.oaId },
    info: {
      name: "Nguyễn Ngọc Lâm",
      phone,
      address: "12 Phan Đình Phùng",
      city: "Hà Tĩnh",
      district: "Thành phố Hà Tĩnh",
    },
  };
}

const latestOtp = (phone84: string) => latestPhoneCode(h.db, phone84);

beforeAll(async () => {
  useTestOaEnv();
  zalo = await startStubZalo();
  process.env.ZALO_OPENAPI_URL = zalo.url;
  process.env.PUBLIC_BASE_URL = "https://motcua.example.gov.vn";
  h = await useTestDb();
  const org = await seedTestOrg(h.db);
  await storeTokenPair(h.db, {
    accessToken: "stub-access-token",
    refreshToken: "stub-refresh",
    expiresInSeconds: 90_000,
  });
  const [proc] = await h.db
    .insert(procedures)
    .values({ name: "Cấp bản sao trích lục hộ tịch", field: "Hộ tịch", searchText: "cap ban sao trich luc ho tich" })
    .returning();
  const base = {
    unitId: org.unitIds.center,
    procedureId: proc.id,
    procedure: {
      id: proc.id,
      code: null,
      name: proc.name,
      field: proc.field,
      processingDays: 3,
      processingHours: null,
      cutoffTime: null,
      supplementClock: "pause" as const,
    },
    channel: "direct" as const,
    resultDelivery: "counter" as const,
    searchText: "",
    lookupSecret: "s3cret",
    receivedAt: new Date("2024-02-19T02:00:00Z"),
    dueAt: new Date("2024-02-22T09:00:00Z"),
  };
  await h.db.insert(dossiers).values([
    {
      ...base,
      code: "H27.37-240219-1001",
      status: "appraising",
      submitterName: "Nguyễn Ngọc Lâm",
      ownerName: "Nguyễn Ngọc Lâm",
      submitterPhone84: "84934810668",
      ownerIdNumber: "042095001234",
    },
    {
      ...base,
      code: "H27.37-240219-1002",
      nationalCode: "000.00.04.H27-240219-0028",
      status: "received",
      submitterName: "Trần Thị Bình",
      ownerName: "Trần Thị Bình",
      submitterPhone84: "84912000111",
      lookupSecret: "other",
    },
    {
      ...base,
      code: "H27.37-240219-1003",
      status: "returned",
      submitterName: "Nguyễn Ngọc Lâm",
      ownerName: "Nguyễn Ngọc Lâm",
      submitterPhone84: "84934810668",
      finishedAt: new Date("2024-02-21T03:00:00Z"),
    },
  ]);
});
afterAll(async () => {
  await h?.close();
  await zalo?.close();
});
beforeEach(() => {
  zalo.sent.length = 0;
  zalo.failNext(0, 0);
});

describe("follow / unfollow", () => {
  it("stores the follower and sends the welcome message once, naming the citizen and the province's OA", async () => {
    zalo.displayNames.set("u-follow", "Nguyễn Trang");
    const event = followEvent("u-follow");
    await deliver(event);
    await deliver(event);
    expect(await drain()).toBe(1);
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-follow"));
    expect(f).toMatchObject({ following: true, appUserId: "app-u-follow", displayName: "Nguyễn Trang" });
    expect(f.lastInteractionAt).not.toBeNull();
    expect(zalo.sent).toHaveLength(1);
    expect(zalo.sent[0].userId).toBe("u-follow");
    expect(zalo.sent[0].text).toMatch(
      new RegExp(
        "^Chào mừng Nguyễn Trang đã đến với Cổng Dịch vụ công tỉnh Hà Tĩnh trên Zalo\\. " +
          "Thông tin về việc thực hiện dịch vụ công trên địa bàn tỉnh Hà Tĩnh sẽ được gửi tới tài khoản Zalo này",
      ),
    );
  });

  it("falls back to a polite form of address when the profile is unavailable, and records an unfollow", async () => {
    await deliver(followEvent("u-anon"));
    await drain();
    expect(lastText()).toMatch(/^Chào mừng Quý Ông\/Bà đã đến với/);
    await deliver(followEvent("u-anon", "unfollow", Date.now() + 5_000));
    await drain();
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-anon"));
    expect(f.following).toBe(false);
    expect(f.unfollowedAt).not.toBeNull();
    expect(zalo.sent).toHaveLength(1);
  });
});

describe("user_send_text", () => {
  it("answers a seeds-form code: due date, look-up link, owner's name masked, no procedure for strangers", async () => {
    await deliver(textEvent("u-stranger", "h27.37-240219-1001"));
    await drain();
    expect(lastText()).toBe(
      [
        "Kính gửi Ông/Bà!",
        "Trạng thái hồ sơ H27.37-240219-1001 của chủ hồ sơ NGUYỄN N*** L*** đang là: Đang thẩm định.",
        "Ngày tiếp nhận: 19/02/2024.",
        "Hạn trả kết quả: 22/02/2024.",
        "Xem chi tiết: https://motcua.example.gov.vn/tra-cuu/H27.37-240219-1001",
        "Trân trọng!",
      ].join("\n"),
    );
    const [msg] = await h.db
      .select()
      .from(zaloIncomingMessages)
      .where(eq(zaloIncomingMessages.text, "h27.37-240219-1001"));
    expect(msg.kind).toBe("lookup");
  });

  it("throttles a stranger walking sequential codes: after ten look-ups in ten minutes it only says wait", async () => {
    for (let n = 1; n <= 12; n++) await deliver(textEvent("u-walker", `H27.37-240219-${String(1000 + n)}`));
    await drain();
    const answers = zalo.sent.filter((s) => s.userId === "u-walker").map((s) => s.text ?? "");
    expect(answers).toHaveLength(12);
    expect(answers.slice(10).every((t) => t.startsWith("Ông/Bà đã tra cứu quá nhiều mã hồ sơ"))).toBe(true);
    expect(answers.slice(0, 10).some((t) => t.includes("Trạng thái hồ sơ H27.37-240219-1003"))).toBe(true);
    expect(answers.join("\n")).not.toContain("Thủ tục:");
  });

  it("finds a dossier by the national portal's code", async () => {
    await deliver(textEvent("u-stranger", "Tra cứu 000.00.04.H27-240219-0028"));
    await drain();
    expect(lastText()).toContain(
      "Trạng thái hồ sơ H27.37-240219-1002 của chủ hồ sơ TRẦN T*** B*** đang là: Đã tiếp nhận.",
    );
  });

  it("answers an unknown code and a malformed one with the expected format", async () => {
    await deliver(textEvent("u-stranger", "H27.37-240219-9999"));
    await drain();
    expect(lastText()).toMatch(
      /^Không tìm thấy hồ sơ có mã H27\.37-240219-9999\..*Mã hồ sơ có dạng H27\.37-240219-1001/,
    );
    await deliver(textEvent("u-stranger", "HS-2024-000123"));
    await drain();
    expect(lastText()).toMatch(
      /^"HS-2024-000123" không phải là mã hồ sơ hợp lệ\. Mã hồ sơ có dạng H27\.37-240219-1001/,
    );
  });

  it("answers keywords and menu payloads with guidance, keeps other questions for the inbox unanswered", async () => {
    await deliver(textEvent("u-stranger", "#TRACUU"));
    await deliver(textEvent("u-stranger", "hỗ trợ"));
    await deliver(textEvent("u-stranger", "Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?"));
    await drain();
    expect(zalo.sent.map((s) => s.text.slice(0, 40))).toEqual([
      expect.stringMatching(/^Để tra cứu tình trạng hồ sơ/),
      expect.stringMatching(/^Bộ phận Một cửa hỗ trợ/),
    ]);
    const inbox = await h.db.select().from(zaloIncomingMessages).where(eq(zaloIncomingMessages.kind, "other"));
    expect(inbox.map((m) => m.text)).toContain("Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?");
  });

  it("refuses phone / CCCD look-ups until the account is linked to the phone, then lists its dossiers", async () => {
    await deliver(textEvent("u-lam", "0934 810 668"));
    await deliver(textEvent("u-lam", "042095001234"));
    await drain();
    expect(zalo.sent.map((s) => s.text)).toEqual([
      expect.stringMatching(/^Để bảo vệ thông tin cá nhân.*số điện thoại.*Chia sẻ thông tin/),
      expect.stringMatching(/^Để bảo vệ thông tin cá nhân.*số CCCD/),
    ]);

    await deliver(submitInfo("u-lam", "84934810668"));
    await drain();
    expect(lastText()).toMatch(/^Ông\/Bà đã chia sẻ số điện thoại 0934 810 668\. Để xác nhận/);
    // Until the code comes back, the phone is only a claim: still the stranger's view.
    await deliver(textEvent("u-lam", "0934810668"));
    await drain();
    expect(lastText()).toMatch(/^Để bảo vệ thông tin cá nhân/);
    await deliver(textEvent("u-lam", `XN ${await latestOtp("84934810668")}`));
    await drain();
    expect(lastText()).toMatch(/^Đã xác nhận\. Tài khoản Zalo này được liên kết với số điện thoại 0934 810 668\./);

    zalo.sent.length = 0;
    await deliver(textEvent("u-lam", "0934810668"));
    await deliver(textEvent("u-lam", "042095001234"));
    await deliver(textEvent("u-lam", "0912000111"));
    await drain();
    expect(zalo.sent[0].text).toContain(
      "1. H27.37-240219-1001 – Cấp bản sao trích lục hộ tịch: Đang thẩm định, hạn trả 22/02/2024.",
    );
    expect(zalo.sent[0].text).not.toContain("H27.37-240219-1003"); // returned: no longer open
    expect(zalo.sent[1].text).toContain("H27.37-240219-1001");
    expect(zalo.sent[2].text).toMatch(/^Để bảo vệ thông tin cá nhân/); // someone else's phone

    // Linked to the dossier's phone: full name and the secured link.
    await deliver(textEvent("u-lam", "H27.37-240219-1001"));
    await drain();
    expect(lastText()).toContain(
      "Kính gửi Ông/Bà Nguyễn Ngọc Lâm!\n" +
        "Trạng thái hồ sơ H27.37-240219-1001 của chủ hồ sơ NGUYỄN NGỌC LÂM đang là: Đang thẩm định.",
    );
    expect(lastText()).toContain("https://motcua.example.gov.vn/tra-cuu/H27.37-240219-1001?t=s3cret");
  });
});

describe("user_submit_info", () => {
  it("keeps the full_address shape with the consent's time and text; the phone is a claim", async () => {
    await deliver(followEvent("u-new"));
    const at = Date.now() + 1000;
    await deliver({
      app_id: TEST_OA.appId,
      event_name: "user_submit_info",
      timestamp: String(at),
      sender: { id: "u-new" },
      recipient: { id: TEST_OA.oaId },
      info: {
        name: "Lê Văn Cường",
        phone: "0987654321",
        user_dob: "01/01/1990",
        gender: "male",
        full_address: { user_address: "5 Trần Phú", user_ward: "Phường Thành Sen", user_city: "Hà Tĩnh" },
      },
    });
    await drain();
    expect(await findFollowersByPhone(h.db, "84987654321")).toEqual([]);
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-new"));
    expect(f).toMatchObject({
      phone84: null,
      phoneClaim84: "84987654321",
      sharedName: "Lê Văn Cường",
      sharedAddress: "5 Trần Phú, Phường Thành Sen, Hà Tĩnh",
      consentVersion: "zalo-2026-12",
    });
    expect(f.consentText).toContain("91/2025/QH15");
    expect(f.consentAt?.getTime()).toBe(at);
  });

  it("does not link an invalid phone and says so", async () => {
    await deliver({
      app_id: TEST_OA.appId,
      event_name: "user_submit_info",
      timestamp: String(Date.now()),
      sender: { id: "u-bad" },
      recipient: { id: TEST_OA.oaId },
      info: { name: "X", phone: "12345" },
    });
    await drain();
    expect(lastText()).toMatch(/^Chưa liên kết được tài khoản/);
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-bad"));
    expect(f.phone84).toBeNull();
  });
});

describe("phone proof from the attacker's side", () => {
  const binh = "84912000111"; // dossier H27.37-240219-1002, receipt secret "other"

  it("a second follower claiming a confirmed phone takes nothing over and sees only the stranger's view", async () => {
    await deliver(submitInfo("u-binh", binh));
    await deliver(textEvent("u-binh", "XN H27.37-240219-1002 other"));
    await drain();
    expect(lastText()).toMatch(/^Đã xác nhận\./);

    zalo.sent.length = 0;
    await deliver(submitInfo("u-squatter", binh, Date.now() + 1000));
    await deliver(textEvent("u-squatter", "0912000111"));
    await deliver(textEvent("u-squatter", "H27.37-240219-1002"));
    await deliver(textEvent("u-squatter", "XN H27.37-240219-1002 guess"));
    await drain();
    const seen = zalo.sent.filter((m) => m.userId === "u-squatter").map((m) => m.text);
    expect(seen[0]).toMatch(/^Ông\/Bà đã chia sẻ số điện thoại 0912 000 111/);
    expect(seen[1]).toMatch(/^Để bảo vệ thông tin cá nhân/);
    expect(seen[2]).toContain("TRẦN T*** B***");
    expect(seen[2]).not.toContain("?t=");
    expect(seen[3]).toMatch(/^Mã hồ sơ và mã bí mật không khớp/);
    const linked = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.phone84, binh));
    expect(linked.map((f) => f.oaUserId)).toEqual(["u-binh"]);
  });

  it("brute-forcing the one-time code hits the cap: the right code afterwards no longer works", async () => {
    await deliver(submitInfo("u-brute", "84934810668"));
    await drain();
    const real = await latestOtp("84934810668");
    const guesses = ["000000", "111111", "222222", "333333", "444444", "555555"].filter((g) => g !== real);
    for (const g of guesses.slice(0, 5)) await deliver(textEvent("u-brute", `XN ${g}`));
    await deliver(textEvent("u-brute", `XN ${real}`));
    await drain();
    const answers = zalo.sent.filter((m) => m.userId === "u-brute").map((m) => m.text);
    expect(answers.slice(1, 5).map((a) => a.slice(0, 30))).toEqual(
      [4, 3, 2, 1].map((left) => `Mã xác nhận không đúng. Ông/Bà còn ${left} lần thử.`.slice(0, 30)),
    );
    expect(answers[5]).toMatch(/^Ông\/Bà đã nhập sai quá số lần cho phép/);
    expect(answers[6]).toMatch(/^Ông\/Bà đã nhập sai quá số lần cho phép/);
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-brute"));
    expect(f.phone84).toBeNull();
  });

  it("an expired code fails, a new one is throttled, and the receipt secret is capped per hour", async () => {
    await deliver(submitInfo("u-late", "84934810668"));
    await drain();
    const code = await latestOtp("84934810668");
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-late"));
    const later = new Date(Date.now() + OTP_TTL_MS + 1000);
    expect(await confirmPhoneByCode(h.db, f.id, code, later)).toEqual({ kind: "expired" });
    // The outbox forgets codes that can no longer be used.
    expect(await forgetExpiredCodes(h.db, later)).toBeGreaterThan(0);
    expect(await latestOtp("84934810668")).toBeUndefined();
    await deliver(textEvent("u-late", "gửi lại mã"));
    for (let i = 0; i < RECEIPT_PROOF_LIMIT.limit; i++)
      await deliver(textEvent("u-late", `XN H27.37-240219-1001 wrong${i}`));
    await deliver(textEvent("u-late", "XN H27.37-240219-1001 s3cret"));
    await drain();
    const answers = zalo.sent.filter((m) => m.userId === "u-late").map((m) => m.text);
    expect(answers[1]).toMatch(/^Mã xác nhận vừa được gửi\. Ông\/Bà vui lòng đợi \d+ giây/);
    expect(answers.at(-1)).toMatch(/^Ông\/Bà đã thử quá nhiều lần/);
    const [after] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, "u-late"));
    expect(after.phone84).toBeNull();
  });
});

describe("delivery receipts and other events", () => {
  it("stores receipts by msg_id and tracking_id; an OA echo joins the inbox; unknown events are ignored", async () => {
    const ts = String(Date.now());
    await deliver({
      app_id: TEST_OA.appId,
      event_name: "user_received_message",
      timestamp: ts,
      sender: { id: TEST_OA.oaId },
      recipient: { id: "84934810668" },
      message: { msg_id: "zns-1", tracking_id: "dossier-7-v2", delivery_time: "1708300000000" },
    });
    await deliver({
      app_id: TEST_OA.appId,
      event_name: "user_seen_message",
      timestamp: ts,
      sender: { id: "u-lam" },
      recipient: { id: TEST_OA.oaId },
      message: { msg_ids: ["cs-1", "cs-2"] },
    });
    await deliver({
      app_id: TEST_OA.appId,
      oa_id: TEST_OA.oaId,
      event_name: "user_feedback",
      timestamp: ts,
      message: { msg_id: "zns-1", tracking_id: "dossier-7-v2", rate: 5, note: "Tốt", submit_time: "1708300500000" },
    });
    await deliver({
      app_id: TEST_OA.appId,
      event_name: "oa_send_text",
      timestamp: ts,
      sender: { id: TEST_OA.oaId },
      recipient: { id: "u-lam" },
      message: { msg_id: "echo-1", text: "x" },
    });
    await deliver({ app_id: TEST_OA.appId, event_name: "change_template_status", timestamp: ts });
    await drain();
    const receipts = await h.db.select().from(zaloDeliveryStatuses).orderBy(zaloDeliveryStatuses.id);
    expect(receipts.map((r) => [r.kind, r.msgId, r.trackingId])).toEqual([
      ["received", "zns-1", "dossier-7-v2"],
      ["seen", "cs-1", null],
      ["seen", "cs-2", null],
      ["feedback", "zns-1", "dossier-7-v2"],
    ]);
    expect(receipts[0].at.toISOString()).toBe(new Date(1708300000000).toISOString());
    expect(receipts[0].recipient).toBe("84934810668");
    expect((await eventRow("oa_send_text:msg:echo-1")).status).toBe("done");
    expect((await eventRow(`change_template_status:-:${ts}`)).status).toBe("ignored");
    expect(zalo.sent).toHaveLength(0);
  });
});

describe("failures", () => {
  it("retries a failed reply later with backoff and a visible error, and never loses the event", async () => {
    zalo.failNext(1, -32);
    const event = textEvent("u-retry", "#HOTRO", { msgId: "retry-1" });
    await deliver(event);
    await drain();
    let row = await eventRow("user_send_text:msg:retry-1");
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toContain("-32");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await processDueEvents(h.db, "test")).toBe(0); // not due yet

    await h.db.update(zaloWebhookEvents).set({ nextAttemptAt: new Date() }).where(eq(zaloWebhookEvents.id, row.id));
    await drain();
    row = await eventRow("user_send_text:msg:retry-1");
    expect(row).toMatchObject({ status: "done", attempts: 2, lastError: null });
    expect(zalo.sent.filter((s) => s.userId === "u-retry")).toHaveLength(1);
    const stored = await h.db.select().from(zaloIncomingMessages).where(eq(zaloIncomingMessages.msgId, "retry-1"));
    expect(stored).toHaveLength(1);
  });

  it("marks an event failed (kept, not retried) when Zalo refuses permanently", async () => {
    zalo.failNext(1, -230);
    await deliver(textEvent("u-window", "#HOTRO", { msgId: "perm-1" }));
    await drain();
    const row = await eventRow("user_send_text:msg:perm-1");
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("-230");
  });

  it("returns events a crashed worker left in processing to the queue", async () => {
    await deliver(textEvent("u-crash", "#HOTRO", { msgId: "crash-1" }));
    await h.db
      .update(zaloWebhookEvents)
      .set({ status: "processing", lockedAt: new Date(Date.now() - 10 * 60_000), lockedBy: "dead" })
      .where(eq(zaloWebhookEvents.dedupeKey, "user_send_text:msg:crash-1"));
    expect(await processDueEvents(h.db, "test")).toBe(0);
    expect(await sweepStuckEvents(h.db)).toBe(1);
    const [job] = zaloEventsJobs();
    expect(await job.runOnce("test", new AbortController().signal)).toBeGreaterThan(0);
    expect((await eventRow("user_send_text:msg:crash-1")).status).toBe("done");
  });

  it("lets concurrent workers claim each event once", async () => {
    for (let i = 0; i < 30; i++) await deliver(textEvent("u-many", "#TRACUU", { msgId: `many-${i}` }));
    const counts = await Promise.all([
      processDueEvents(h.db, "w1", { batchSize: 7 }),
      processDueEvents(h.db, "w2", { batchSize: 7 }),
      processDueEvents(h.db, "w3", { batchSize: 7 }),
    ]);
    const rest = await drain();
    expect(counts.reduce((a, b) => a + b, 0) + rest).toBe(30);
    expect(zalo.sent.filter((s) => s.userId === "u-many")).toHaveLength(30);
  });

  it("claims an event the moment it is stored, even within the same millisecond", async () => {
    // The database stamps next_attempt_at in microseconds; a claim on this process's clock used to miss it.
    for (let i = 0; i < 40; i++) {
      await deliver(textEvent("u-instant", "#TRACUU", { msgId: `instant-${i}` }));
      expect(await processDueEvents(h.db, "test")).toBe(1);
    }
  });
});
