import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.describe("the working-day calendar", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("shows the seeded 2026 days off and the Saturday worked in lieu", async ({ page }) => {
    await page.goto("/admin/calendar?year=2026");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "16/02/2026" })).toContainText("Nghỉ lễ, Tết");
    await expect(page.getByRole("row").filter({ hasText: "27/04/2026" })).toContainText("Nghỉ bù, hoán đổi");
    await expect(page.getByRole("row").filter({ hasText: "22/08/2026" })).toContainText("Làm bù (làm việc)");
  });

  test("proposes 2027's lunar holidays for confirmation and adds the chosen ones", async ({ page }) => {
    await page.goto("/admin/calendar/propose?year=2027");
    // Tết Đinh Mùi falls on Saturday 06/02/2027; the Hùng Kings' day (10/3 lunar) on Friday 16/04/2027.
    await expect(page.getByRole("checkbox", { name: /^Chọn 06\/02\/2027 – Tết Nguyên đán/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /^Chọn 16\/04\/2027/ })).toBeChecked();
    await page.getByRole("button", { name: "Thêm các ngày đã chọn" }).click();
    await expect(page.getByText(/Đã thêm \d+ ngày/)).toBeVisible();

    await page.goto("/admin/calendar?year=2027");
    const hungKings = page.getByRole("row").filter({ hasText: "16/04/2027" });
    await expect(hungKings).toContainText("Nghỉ lễ, Tết");
    await expect(hungKings).toContainText("Đã xác nhận");
  });

  test("keeps what was typed when the date is wrong, then adds the day as a draft to confirm", async ({ page }) => {
    await page.goto("/admin/calendar?year=2027");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm ngày" }) });
    await form.getByRole("textbox", { name: "Ngày", exact: true }).fill("31/02/2027");
    await form.getByLabel("Tên ngày").fill("Ngày nghỉ thử nghiệm");
    await form.getByLabel("Đã xác nhận (được tính khi tính ngày hẹn trả)").uncheck();
    await form.getByRole("button", { name: "Thêm ngày" }).click();
    await expect(form.getByText("Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).")).toBeVisible();
    await expect(form.getByLabel("Tên ngày")).toHaveValue("Ngày nghỉ thử nghiệm");

    await form.getByRole("textbox", { name: "Ngày", exact: true }).fill("28/12/2027");
    await form.getByRole("button", { name: "Thêm ngày" }).click();
    const row = page.getByRole("row").filter({ hasText: "28/12/2027" });
    await expect(row).toContainText("Ngày nghỉ thử nghiệm");
    await row.getByRole("button", { name: "Xác nhận 28/12/2027" }).click();
    await expect(row).toContainText("Đã xác nhận");
  });
});

test.describe("a receptionist", () => {
  test.use({ storageState: storageStateOf("receptionist") });

  test("cannot open the calendar administration", async ({ page }) => {
    const res = await page.goto("/admin/calendar");
    expect(res?.status()).toBe(403);
  });
});
