import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test("an admin creates an account; the sixth wrong password shows the lock message", async ({ browser, page }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/staff");
  await adminPage.getByLabel("Tên đăng nhập").fill("lock.test");
  await adminPage.getByLabel("Mật khẩu ban đầu").fill("Mat-khau-2026");
  await adminPage.getByLabel("Họ và tên").fill("Võ Thị Khóa");
  await adminPage.getByRole("button", { name: "Lưu" }).click();
  await expect(adminPage.getByText("Đã thêm cán bộ.")).toBeVisible();
  await expect(adminPage.getByRole("cell", { name: "lock.test", exact: true })).toBeVisible();
  await admin.close();

  await page.goto("/login");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Tên đăng nhập").fill("lock.test");
    await page.getByLabel("Mật khẩu").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await page.getByLabel("Mật khẩu").fill("wrong-6");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("login-error")).toContainText("Tài khoản tạm khóa 15 phút");
  // Even the right password is refused while locked.
  await page.getByLabel("Mật khẩu").fill("Mat-khau-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("login-error")).toContainText("Tài khoản tạm khóa 15 phút");
});

test("an unknown user name gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("khong.ton.tai");
  await page.getByLabel("Mật khẩu").fill("whatever-123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("whatever-123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
});

test("signing out ends the session", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("publisher");
  await page.getByLabel("Mật khẩu").fill("demo-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await ctx.close();
});

test("deactivating an account ends its open session at once", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/staff");
  await adminPage.getByLabel("Tên đăng nhập").fill("sap.nghi");
  await adminPage.getByLabel("Mật khẩu ban đầu").fill("Mat-khau-2026");
  await adminPage.getByLabel("Họ và tên").fill("Đỗ Văn Nghỉ");
  await adminPage.getByRole("button", { name: "Lưu" }).click();
  await expect(adminPage.getByText("Đã thêm cán bộ.")).toBeVisible();

  const user = await browser.newContext();
  const userPage = await user.newPage();
  await userPage.goto("/login");
  await userPage.getByLabel("Tên đăng nhập").fill("sap.nghi");
  await userPage.getByLabel("Mật khẩu").fill("Mat-khau-2026");
  await userPage.getByRole("button", { name: "Đăng nhập" }).click();
  // A new account owes a password change: every page leads to the account page until it is made.
  await expect(userPage).toHaveURL(/\/account$/);

  await adminPage.getByRole("link", { name: "Sửa sap.nghi" }).click();
  await adminPage.getByLabel("Tài khoản đang hoạt động (bỏ chọn để khóa)").uncheck();
  await adminPage.getByRole("button", { name: "Lưu" }).first().click();
  await expect(adminPage).toHaveURL(/\/admin\/staff$/);

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login/);
  await admin.close();
  await user.close();
});
