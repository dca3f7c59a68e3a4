import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test("every page carries the security headers", async ({ request }) => {
  for (const path of ["/login", "/tra-cuu", "/tin-tuc", "/api/health"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    // The demo runs on http: no HSTS there (lib/http/security-headers.test.ts covers https).
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
});

test("a client rotating X-Forwarded-For is still limited, with 429 and Retry-After", async ({ request }) => {
  let last = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 70 && last !== 429; i++) {
    const res = await request.get(`/tra-cuu/H27.37-250101-${String(1000 + i)}`, {
      headers: { "x-forwarded-for": `198.51.100.${i}`, "x-motcua-peer-address": `192.0.2.${i}` },
      maxRedirects: 0,
    });
    last = res.status();
    retryAfter = res.headers()["retry-after"];
  }
  expect(last).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

test("a repeated ?t= or ?p= is a 400, not a server error", async ({ request }) => {
  expect(
    (
      await request.get("/tra-cuu/H27.37-250101-0001?t=a&t=b", { headers: { "x-forwarded-for": "203.0.113.250" } })
    ).status(),
  ).toBe(400);
  expect((await request.get("/danh-gia/H27.37-250101-0001?t=a&t=b")).status()).toBe(400);
});

test("a session cookie copied before sign-out no longer opens any page", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("supervisor");
  await page.getByLabel("Mật khẩu").fill("demo-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/$/);
  const stolen = await ctx.cookies();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/bao-cao");
  await expect(thiefPage).toHaveURL(/\/login/);
  await ctx.close();
  await thief.close();
});

test("an account that owes a password change reaches only the account page", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/staff");
  await adminPage.getByLabel("Tên đăng nhập").fill("doi.mat.khau");
  await adminPage.getByLabel("Mật khẩu ban đầu").fill("Mat-khau-2026");
  await adminPage.getByLabel("Họ và tên").fill("Lê Văn Đổi");
  await adminPage.getByRole("button", { name: "Lưu" }).click();
  await expect(adminPage.getByText("Đã thêm cán bộ.")).toBeVisible();
  await admin.close();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("doi.mat.khau");
  await page.getByLabel("Mật khẩu").fill("Mat-khau-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/dossiers");
  await expect(page).toHaveURL(/\/account$/);
  expect((await page.request.get("/dossiers/export.csv")).status()).not.toBe(200);
  await ctx.close();
});
