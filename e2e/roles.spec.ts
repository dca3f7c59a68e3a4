import { expect, test } from "@playwright/test";
import { type DemoUser, storageStateOf } from "./users";

const adminOnly = [
  "Đơn vị",
  "Cán bộ",
  "Nhật ký thao tác",
  "Kết nối Zalo OA",
  "Lịch làm việc",
  "Khóa API",
  "Sự kiện Zalo",
  "Mẫu tin nhắn",
];
const desk = ["Tiếp nhận hồ sơ", "Hồ sơ"];

const expectations: Record<Exclude<DemoUser, "receptionist.thanhsen">, { sees: string[]; hidden: string[] }> = {
  admin: { sees: [...adminOnly, ...desk, "Thủ tục hành chính", "Tình trạng gửi tin"], hidden: [] },
  receptionist: { sees: [...desk, "Thủ tục hành chính"], hidden: [...adminOnly, "Tình trạng gửi tin"] },
  publisher: { sees: ["Thủ tục hành chính"], hidden: [...adminOnly, ...desk, "Tình trạng gửi tin"] },
  supervisor: {
    sees: ["Hồ sơ", "Thủ tục hành chính", "Tình trạng gửi tin"],
    hidden: [...adminOnly, "Tiếp nhận hồ sơ"],
  },
};

for (const [user, { sees, hidden }] of Object.entries(expectations)) {
  test.describe(`${user} navigation`, () => {
    test.use({ storageState: storageStateOf(user as DemoUser) });
    test(`${user} sees only what the role may use`, async ({ page }) => {
      await page.goto("/");
      const nav = page.locator("aside nav");
      await expect(nav).toHaveAttribute("data-role", user);
      for (const name of sees) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
      for (const name of hidden) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
    });
  });
}

test("health answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});

test("the sign-in page shows the demo banner", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByTestId("demo-banner")).toContainText("demo-password");
});
