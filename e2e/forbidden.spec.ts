import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.describe("a receptionist", () => {
  test.use({ storageState: storageStateOf("receptionist") });

  test("gets 403 on admin pages", async ({ page }) => {
    for (const path of ["/admin/units", "/admin/units/1", "/admin/staff", "/admin/staff/1", "/admin/audit"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Không có quyền truy cập (403)" })).toBeVisible();
    }
  });

  test("gets 403 on /admin, which has no page for a role without administration rights", async ({ page }) => {
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("opening /admin lands on the first administration page", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/templates$/);
  });
});

test("an admin server action called directly by a receptionist answers 403 and changes nothing", async ({
  browser,
}) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/staff");
  // Capture the exact server-action request the admin's browser would send, stop it, and replay it as a receptionist.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/admin/staff", async (route) => {
    const r = route.request();
    if (r.method() !== "POST") return route.continue();
    captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
    await route.abort();
  });
  await page.getByLabel("Tên đăng nhập").fill("intruder.created");
  await page.getByLabel("Mật khẩu ban đầu").fill("Mat-khau-2026");
  await page.getByLabel("Họ và tên").fill("Kẻ Xâm Nhập");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect.poll(() => captured).not.toBeNull();
  const { url, headers, body } = captured!;
  await admin.close();

  const receptionist = await browser.newContext({ storageState: storageStateOf("receptionist") });
  const res = await receptionist.request.post(url, {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: "text/x-component",
    },
    data: body,
  });
  expect(res.status()).toBe(403);
  await receptionist.close();

  const check = await browser.newContext({ storageState: storageStateOf("admin") });
  const list = await check.newPage();
  await list.goto("/admin/staff");
  await expect(list.getByText("intruder.created")).toHaveCount(0);
  await check.close();
});
