import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.describe("inbox settings (admin)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test(
    "the admin sets deadlines and paid replies, and adds, " + "edits and deletes a canned answer with placeholders",
    async ({ page }) => {
      await page.goto("/admin/hoi-dap");
      await expect(page.getByRole("heading", { name: "Cài đặt hỏi đáp, phản ánh, kiến nghị" })).toBeVisible();
      const settings = page.getByTestId("conversation-settings-form");

      // A bad value is refused in Vietnamese and nothing typed is lost.
      await settings.getByLabel("Phản ánh").fill("12");
      await settings.getByLabel("Mã mẫu ZBS để trả lời sau 7 ngày").fill("mau-abc");
      await settings.getByRole("button", { name: "Lưu cài đặt" }).click();
      await expect(settings.getByRole("alert").first()).toContainText("Mã mẫu ZBS: chỉ gồm chữ số");
      await expect(settings.getByLabel("Phản ánh")).toHaveValue("12");
      await expect(settings.getByLabel("Mã mẫu ZBS để trả lời sau 7 ngày")).toHaveValue("mau-abc");

      await settings.getByLabel("Mã mẫu ZBS để trả lời sau 7 ngày").fill("320001");
      await settings.getByLabel(/Cho phép gửi tin tư vấn có phí/).uncheck();
      await settings.getByRole("button", { name: "Lưu cài đặt" }).click();
      await expect(settings.getByText("Đã lưu cài đặt.")).toBeVisible();
      await page.reload();
      await expect(settings.getByLabel("Phản ánh")).toHaveValue("12");
      await expect(settings.getByLabel(/Cho phép gửi tin tư vấn có phí/)).not.toBeChecked();
      await settings.getByLabel(/Cho phép gửi tin tư vấn có phí/).check();
      await settings.getByRole("button", { name: "Lưu cài đặt" }).click();
      await expect(settings.getByText("Đã lưu cài đặt.")).toBeVisible();

      const title = `Hướng dẫn nộp lệ phí ${Date.now()}`;
      const create = page.getByTestId("canned-new");
      await create.getByLabel("Tên mẫu").fill(title);
      await create.getByLabel("Nội dung mẫu").fill("Kính gửi {ho_ten}, lệ phí nộp tại quầy.");
      await create.getByRole("button", { name: "Thêm mẫu" }).click();
      await expect(create.getByRole("alert").first()).toContainText("không có chỗ điền {ho_ten}");
      await expect(create.getByLabel("Tên mẫu")).toHaveValue(title);
      await create
        .getByLabel("Nội dung mẫu")
        .fill("Kính gửi {ten}, hồ sơ {so_tiep_nhan}: lệ phí nộp tại quầy của {don_vi}.");
      await create.getByRole("button", { name: "Thêm mẫu" }).click();
      await expect(create.getByText("Đã lưu mẫu trả lời.")).toBeVisible();
      await expect(create.getByLabel("Tên mẫu")).toHaveValue("");

      const item = page.getByTestId("canned-item").filter({ hasText: title });
      await expect(item).toContainText("Dùng chung mọi đơn vị");
      await item.locator("summary").click();
      await item.getByLabel("Nội dung mẫu").fill("Kính gửi {ten}: lệ phí nộp tại quầy, cán bộ {can_bo} hướng dẫn.");
      await item.getByRole("button", { name: "Lưu mẫu" }).click();
      await expect(item.getByText("Đã lưu mẫu trả lời.")).toBeVisible();
      await expect(item).toContainText("cán bộ {can_bo} hướng dẫn");
      await page.screenshot({ path: "test-results/conversation-settings.png", fullPage: true });

      await item.getByRole("button", { name: "Xóa mẫu" }).click();
      await expect(page.getByTestId("canned-item").filter({ hasText: title })).toHaveCount(0);
    },
  );

  test("a receptionist cannot open the settings", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateOf("receptionist") });
    const page = await ctx.newPage();
    const res = await page.goto("/admin/hoi-dap");
    expect(res?.status()).toBe(403);
    await ctx.close();
  });
});
