import { type Page, expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.use({ storageState: storageStateOf("receptionist") });

const PHONE = "0971 444 555";
const NAME = "Lý Thị Nga";

async function send(page: Page, text: string) {
  await page.getByLabel("Nội dung tin nhắn").fill(text);
  await page.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(page.getByTestId("sim-chat-own").filter({ hasText: text }).last()).toBeVisible();
}

test(
  "a citizen registers for home support in the OA chat; the receptionist " +
    "verifies, opens the pre-filled intake and logs the dossier",
  async ({ page }) => {
    const oa = page.getByTestId("sim-chat-message");
    let code = "";

    await test.step("the citizen follows the OA and registers through the chat", async () => {
      await page.goto("/sim");
      await page.getByLabel("Số điện thoại").fill(PHONE);
      await page.getByLabel("Tên trên Zalo").fill(NAME);
      await page.getByRole("button", { name: "Quan tâm OA" }).click();
      await expect(oa.filter({ hasText: "ĐK hỗ trợ tại nhà" }).first()).toBeVisible({ timeout: 20_000 });

      await send(page, "ĐK hỗ trợ tại nhà");
      await page.getByTestId("sim-open-share").last().click({ timeout: 20_000 });
      await page.getByLabel("Họ và tên").fill(NAME);
      await page.getByLabel("Địa chỉ").fill("Tổ dân phố 4, phường Thành Sen, Hà Tĩnh");
      await page.getByTestId("sim-share-consent").check();
      await page.getByRole("button", { name: "Chia sẻ thông tin", exact: true }).last().click();
      await expect(oa.filter({ hasText: "thủ tục hành chính nào" })).toBeVisible({ timeout: 20_000 });

      await send(page, "ruou");
      await page
        .getByTestId("sim-query-button")
        .filter({ hasText: "1. Cấp Giấy phép bán lẻ rượu" })
        .click({ timeout: 20_000 });
      const slot = oa.filter({ hasText: "Chọn thời gian hỗ trợ" }).last();
      await expect(slot).toBeVisible({ timeout: 20_000 });
      await slot.getByTestId("sim-query-button").first().click();
      const summary = oa.filter({ hasText: "Xác nhận đăng ký hỗ trợ tại nhà" }).last();
      await expect(summary).toContainText(NAME, { timeout: 20_000 });
      await summary.getByTestId("sim-query-button").filter({ hasText: "Xác nhận" }).click();
      const confirmed = oa.filter({ hasText: "đăng ký thành công" }).last();
      await expect(confirmed).toContainText(/Mã đăng ký: HT-\d{5}/, { timeout: 20_000 });
      code = /HT-\d{5}/.exec((await confirmed.textContent()) ?? "")![0];
    });

    await test.step("the receptionist finds it without diacritics and verifies it", async () => {
      await page.goto("/ho-tro-tai-nha?q=ly thi nga");
      const table = page.getByTestId("home-support-table");
      await expect(table).toContainText(NAME);
      await table.getByRole("link", { name: code }).click();
      await expect(page.getByTestId("registration-status")).toHaveText("Mới đăng ký");
      await expect(page.getByText("Đăng ký hỗ trợ nộp hồ sơ trực tuyến tại nhà").first()).toBeVisible();
      await page.getByTestId("status-form").getByLabel("Trạng thái").selectOption("verified");
      await page.getByTestId("status-form").getByRole("button", { name: "Lưu" }).click();
      await expect(page.getByTestId("registration-status")).toHaveText("Đã xác minh");
      await page.getByLabel("Nội dung").fill("Đã gọi xác minh, người dân có đủ giấy tờ.");
      await page.getByLabel("Kết quả cuộc gọi").selectOption("reached");
      await page.getByRole("button", { name: "Thêm ghi chú" }).click();
      await expect(page.getByTestId("notes")).toContainText("Đã gọi xác minh");
    });

    await test.step(
      "the intake opens pre-filled with the citizen and " + "the procedure; the dossier is logged and linked",
      async () => {
        const detail = page.url();
        await page.getByTestId("open-intake").click();
        await expect(page.getByLabel("Họ và tên").first()).toHaveValue(NAME);
        await expect(page.getByLabel("Số điện thoại").first()).toHaveValue("0971444555");
        await expect(page.getByTestId("intake-form")).toContainText("Cấp Giấy phép bán lẻ rượu");
        await page.getByLabel("Số định danh cá nhân (CCCD/CMND)").first().fill("042190099887");
        await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
        await page.waitForURL(/\/dossiers\/[^/]+\/receipt\?new=1$/);
        const dossierCode = decodeURIComponent(/\/dossiers\/([^/]+)\/receipt/.exec(page.url())![1]);
        await page.goto(detail);
        await expect(page.getByTestId("linked-dossier")).toHaveText(dossierCode);
      },
    );
  },
);

test.describe("another unit's receptionist", () => {
  test.use({ storageState: storageStateOf("receptionist.thanhsen") });

  test("does not see the centre's registrations", async ({ page }) => {
    await page.goto("/ho-tro-tai-nha?q=HT-D0001");
    await expect(page.getByText("Chưa có đăng ký nào.")).toBeVisible();
  });
});
