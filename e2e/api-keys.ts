import { type Page, expect } from "@playwright/test";

export const CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh";

/** An administrator makes a key of the centre in Quản trị → Khóa API and reads it off the page (shown once). */
export async function createKeyInUi(page: Page, name: string, opts: { statistics?: boolean } = {}): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Tên khóa").fill(name);
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: CENTRE });
  if (opts.statistics) await page.getByLabel(/Đọc thống kê và đánh giá/).check();
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  const shown = page.getByTestId("created-api-key");
  await expect(shown).toBeVisible();
  return (await shown.textContent())!.trim();
}
