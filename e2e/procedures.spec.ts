import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("searches the catalogue without diacritics and opens a procedure", async ({ page }) => {
    await page.goto("/");
    await page.locator("aside nav").getByRole("link", { name: "Thủ tục hành chính" }).click();
    await page.getByRole("combobox", { name: "Tìm theo tên hoặc mã thủ tục" }).fill("khai sinh");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await expect(page).toHaveURL(/q=khai\+sinh/);
    const row = page.getByTestId("procedure-row").filter({ hasText: "Thủ tục đăng ký khai sinh" });
    await expect(row).toBeVisible();
    await expect(row).toContainText("1.001193");
    await row.getByRole("link", { name: "Thủ tục đăng ký khai sinh" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thủ tục đăng ký khai sinh" })).toBeVisible();
    await expect(page.getByText("1 ngày làm việc", { exact: true })).toBeVisible();
    await expect(page.getByText("15:00")).toBeVisible();
  });

  test("creates a procedure, keeping what was typed when a field is wrong, then retires it", async ({ page }) => {
    await page.goto("/procedures/new");
    await page.getByLabel("Tên thủ tục").fill("Cấp giấy phép thử nghiệm trình duyệt");
    await page.getByLabel("Lĩnh vực").fill("Thử nghiệm");
    await page.getByLabel("Mã thủ tục").fill("1.998877");
    await page.getByLabel("Số ngày làm việc").fill("-2");
    await page.getByLabel("Số tiền (đồng)").fill("1.000.000");
    await page.getByLabel("Tên giấy tờ 1").fill("Đơn đề nghị cấp phép");
    await page.getByRole("button", { name: "+ Thêm giấy tờ" }).click();
    await page.getByLabel("Tên giấy tờ 2").fill("Bản sao giấy tờ tùy thân");
    await page.getByLabel("Số bản 2").fill("2");
    await page.getByRole("button", { name: "Lưu" }).click();

    await expect(page.getByText("Số ngày xử lý không được âm.")).toBeVisible();
    await expect(page.getByLabel("Tên thủ tục")).toHaveValue("Cấp giấy phép thử nghiệm trình duyệt");
    await expect(page.getByLabel("Tên giấy tờ 2")).toHaveValue("Bản sao giấy tờ tùy thân");
    await expect(page.getByLabel("Số bản 2")).toHaveValue("2");

    await page.getByLabel("Số ngày làm việc").fill("2,5");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cấp giấy phép thử nghiệm trình duyệt" })).toBeVisible();
    await expect(page.getByText("2,5 ngày làm việc")).toBeVisible();
    await expect(page.getByText("1.000.000 đ")).toBeVisible();
    await expect(page.getByText("Bản sao giấy tờ tùy thân — 2 bản")).toBeVisible();

    await page.getByRole("button", { name: "Ngừng áp dụng" }).click();
    await page.getByLabel("Lý do (không bắt buộc)").fill("Thử nghiệm xong");
    await page.getByRole("button", { name: "Xác nhận ngừng áp dụng" }).click();
    await expect(page.getByRole("button", { name: "Áp dụng lại" })).toBeVisible();

    await page.goto("/procedures?q=thu+nghiem+trinh+duyet");
    await expect(page.getByTestId("procedure-row")).toHaveCount(0);
  });
});

test.describe("a receptionist", () => {
  test.use({ storageState: storageStateOf("receptionist") });

  test("reads the catalogue but cannot open the create page", async ({ page }) => {
    await page.goto("/procedures");
    await expect(page.getByRole("heading", { level: 1, name: "Danh mục thủ tục hành chính" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Thêm thủ tục" })).toHaveCount(0);
    const res = await page.goto("/procedures/new");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Không có quyền truy cập (403)" })).toBeVisible();
  });

  test("the search box suggests procedures as one types and opens one from the keyboard", async ({ page }) => {
    await page.goto("/procedures");
    const box = page.getByRole("combobox", { name: "Tìm theo tên hoặc mã thủ tục" });
    await box.fill("ban le ruou");
    const option = page.getByRole("option", { name: /Cấp Giấy phép bán lẻ rượu/ });
    await expect(option).toBeVisible();
    await box.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Cấp Giấy phép bán lẻ rượu" })).toBeVisible();
    await expect(page.getByText("10 ngày làm việc", { exact: true })).toBeVisible();
  });

  test("clearing the filters resets the search box and the field filter", async ({ page }) => {
    await page.goto("/procedures?q=chung+thuc&field=Ch%E1%BB%A9ng+th%E1%BB%B1c");
    await expect(page.getByTestId("procedure-row")).toHaveCount(8);
    await page.getByRole("link", { name: "Xóa lọc" }).click();
    await expect(page).toHaveURL(/\/procedures$/);
    await expect(page.getByRole("combobox", { name: "Tìm theo tên hoặc mã thủ tục" })).toHaveValue("");
    await expect(page.getByLabel("Lĩnh vực")).toHaveValue("");
    await expect(page.getByTestId("procedure-row")).toHaveCount(20);
  });

  test("the picker endpoint finds procedures as one types, without diacritics", async ({ page }) => {
    const res = await page.request.get("/api/procedures/search?q=ruou");
    expect(res.status()).toBe(200);
    const { options } = (await res.json()) as { options: { name: string; code: string | null }[] };
    expect(options.map((o) => o.name)).toContain("Cấp Giấy phép bán lẻ rượu");
  });
});

test("the picker endpoint refuses anonymous callers", async ({ browser }) => {
  const anon = await browser.newContext();
  const res = await anon.request.get("/api/procedures/search?q=ruou");
  expect(res.status()).toBe(401);
  await anon.close();
});
