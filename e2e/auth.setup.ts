import { expect, test as setup } from "@playwright/test";
import { demoUsers, storageStateOf } from "./users";

for (const user of demoUsers) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Tên đăng nhập").fill(user);
    await page.getByLabel("Mật khẩu").fill("demo-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}
