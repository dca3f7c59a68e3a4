import { type Page, expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.use({ storageState: storageStateOf("admin") });

const CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh";
const PHONE = "0971 222 333";
const NAME = "Phạm Văn Kiểm";

/** A real dossier of the demo, received at the centre through the integration API with a key made in the UI. */
async function receiveDossier(page: Page): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Tên khóa").fill("Phần mềm một cửa (thử Zalo)");
  await page.getByLabel("Đơn vị").selectOption({ label: CENTRE });
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  const key = (await page.getByTestId("created-api-key").textContent())!.trim();
  const created = await page.request.post("/api/v1/dossiers", {
    headers: { authorization: `Bearer ${key}`, "idempotency-key": `zalo-chat-${Date.now()}` },
    data: {
      procedureCode: "1.001193",
      channel: "direct",
      submitter: { name: NAME, idNumber: "042190099887", phone: PHONE },
      notifyZalo: true,
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).code as string;
}

async function send(page: Page, text: string) {
  await page.getByLabel("Nội dung tin nhắn").fill(text);
  await page.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(page.getByTestId("sim-chat-own").filter({ hasText: text }).last()).toBeVisible();
}

const JOURNEY =
  "a citizen follows the OA on Zalo, looks up a dossier by its code, gets the format hint for a bad code, " +
  "proves the shared phone with a one-time code, then withdraws";

test(JOURNEY, async ({ page }) => {
  const code = await receiveDossier(page);
  const oa = page.getByTestId("sim-chat-message");

  await page.goto("/sim");
  await page.getByLabel("Số điện thoại").fill(PHONE);
  await page.getByLabel("Tên trên Zalo").fill(NAME);
  await page.getByRole("button", { name: "Quan tâm OA" }).click();
  await expect(
    oa.filter({ hasText: `Chào mừng ${NAME} đã đến với Cổng Dịch vụ công tỉnh Hà Tĩnh trên Zalo.` }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(oa.filter({ hasText: "sẽ được gửi tới tài khoản Zalo này" })).toBeVisible();

  // Not linked yet: the status comes with the owner's name masked and the public look-up link.
  await send(page, code);
  const status = oa.filter({ hasText: `Trạng thái hồ sơ ${code} của chủ hồ sơ PHẠM V*** K*** đang là: Đã tiếp nhận.` });
  await expect(status).toBeVisible({ timeout: 20_000 });
  await expect(status).toContainText(/Hạn trả kết quả: \d{2}\/\d{2}\/\d{4}\./);
  await expect(status).toContainText(`/tra-cuu/${code}`);

  await send(page, "HS-2024-000123");
  await expect(
    oa.filter({ hasText: '"HS-2024-000123" không phải là mã hồ sơ hợp lệ. Mã hồ sơ có dạng H27.37-240219-1001' }),
  ).toBeVisible({ timeout: 20_000 });

  await send(page, PHONE);
  await expect(oa.filter({ hasText: "Để bảo vệ thông tin cá nhân" })).toBeVisible({ timeout: 20_000 });

  await page.getByLabel("Họ và tên").fill(NAME);
  await page.getByLabel("Địa chỉ").fill("Phường Thành Sen, Hà Tĩnh");
  await page.getByRole("button", { name: "Chia sẻ thông tin" }).click();
  await expect(oa.filter({ hasText: "Ông/Bà đã chia sẻ số điện thoại 0971 222 333." })).toBeVisible({
    timeout: 20_000,
  });
  // Sharing is only a claim: the one-time code arrives on the phone by ZBS and is typed back in the chat.
  const otp = oa.filter({ hasText: "Mã xác nhận liên kết Zalo với Bộ phận Một cửa:" }).last();
  await expect(otp).toBeVisible({ timeout: 20_000 });
  // The counter sees the claim, without the account's name, while the citizen has not proven it.
  const desk = await page.context().newPage();
  await desk.goto(`/dossiers/${encodeURIComponent(code)}`);
  const account = desk.getByTestId("zalo-account");
  await expect(account).toHaveAttribute("data-kind", "claimed");
  await expect(account).not.toContainText(NAME);
  const code6 = /(\d{6})/.exec((await otp.textContent()) ?? "")![1];
  await send(page, `XN ${code6}`);
  await expect(
    oa.filter({ hasText: "Đã xác nhận. Tài khoản Zalo này được liên kết với số điện thoại 0971 222 333." }),
  ).toBeVisible({ timeout: 20_000 });
  await desk.reload();
  await expect(account).toHaveAttribute("data-kind", "proven");
  await expect(account).toContainText(NAME);
  await desk.close();

  // Linked: the phone look-up lists the dossier, and its status now names the owner in full.
  await send(page, "0971222333");
  await expect(oa.filter({ hasText: `1. ${code} – ` })).toBeVisible({ timeout: 20_000 });
  await send(page, code);
  await expect(
    oa
      .filter({ hasText: `Kính gửi Ông/Bà ${NAME}!` })
      .filter({ hasText: `chủ hồ sơ PHẠM VĂN KIỂM đang là: Đã tiếp nhận.` }),
  ).toBeVisible({ timeout: 20_000 });

  // The citizen withdraws Zalo notifications by the documented keyword; the dossier page records it.
  await send(page, "HUY THONG BAO");
  await expect(oa.filter({ hasText: "Đã ghi nhận yêu cầu ngừng nhận thông báo qua Zalo: 1 hồ sơ" })).toBeVisible({
    timeout: 20_000,
  });
  await page.goto(`/dossiers/${encodeURIComponent(code)}`);
  await expect(page.getByTestId("zalo-withdrawn")).toContainText("từ khóa trên Zalo");

  // The administrator sees the events and their processing state.
  await page.goto("/admin/zalo-events?eventName=user_submit_info");
  await expect(page.getByRole("heading", { level: 1, name: "Sự kiện Zalo (webhook)" })).toBeVisible();
  await expect(page.getByTestId("zalo-event-row").first().getByTestId("event-status")).toHaveText("Đã xử lý");
  await page.goto("/admin/zalo-events?status=failed");
  await expect(page.getByTestId("zalo-event-row")).toHaveCount(0);
});

test.describe("a receptionist", () => {
  test.use({ storageState: storageStateOf("receptionist") });

  test("cannot open the Zalo events page", async ({ page }) => {
    const res = await page.goto("/admin/zalo-events");
    expect(res?.status()).toBe(403);
  });
});
