import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.describe("an admin connecting the Zalo OA (simulator)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees the webhook URL, connects through OAuth v4 and the token is working", async ({ page }) => {
    await page.goto("/");
    await page.locator("aside nav").getByRole("link", { name: "Kết nối Zalo OA" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kết nối Zalo Official Account" })).toBeVisible();
    await expect(page.getByTestId("zalo-webhook-url")).toHaveText(/\/api\/zalo\/webhook$/);
    await expect(page.getByLabel("Khóa bí mật OA (OA Secret Key)")).toHaveAttribute("placeholder", /Đã lưu/);
    await page.getByRole("button", { name: "Kết nối qua Zalo (cấp quyền OAuth v4)" }).click();
    await expect(page.getByText("Đã kết nối OA qua Zalo.")).toBeVisible();
    await expect(page.getByTestId("zalo-token-state")).toHaveText("Đang hoạt động");
  });

  test("a refused refresh token is reported beside the field", async ({ page }) => {
    await page.goto("/admin/zalo");
    await page.getByLabel("Refresh token").fill("khong-phai-refresh-token");
    await page.getByRole("button", { name: "Lưu refresh token" }).click();
    await expect(page.getByText(/Zalo từ chối refresh token/)).toBeVisible();
    await expect(page.getByTestId("zalo-token-state")).toHaveText("Làm mới token thất bại");
    // Every page tells the admin, with the way back to the settings.
    await page.goto("/dossiers");
    const alert = page.getByTestId("zalo-token-alert");
    await expect(alert).toContainText("làm mới token thất bại");
    await alert.getByRole("link", { name: "Kết nối lại OA" }).click();
    // Reconnect so later tests keep a working OA.
    await page.getByRole("button", { name: "Kết nối qua Zalo (cấp quyền OAuth v4)" }).click();
    await expect(page.getByTestId("zalo-token-state")).toHaveText("Đang hoạt động");
    await expect(page.getByTestId("zalo-token-alert")).toHaveCount(0);
  });
});

test.describe("a receptionist", () => {
  test.use({ storageState: storageStateOf("receptionist") });

  test("cannot open the Zalo settings", async ({ page }) => {
    const res = await page.goto("/admin/zalo");
    expect(res?.status()).toBe(403);
  });
});

test.describe("the /sim page (no sign-in)", () => {
  test("acts as a new citizen: follows the OA, writes, shares info; events reach the portal", async ({ page }) => {
    await page.goto("/sim");
    await expect(page.getByRole("heading", { level: 1, name: "Trình mô phỏng Zalo" })).toBeVisible();
    await expect(page.getByTestId("sim-citizen").first()).toBeVisible();
    await page.getByLabel("Số điện thoại").fill("0961 234 567");
    await page.getByLabel("Tên trên Zalo").fill("Hoàng Thị Thử");
    await page.getByRole("button", { name: "Quan tâm OA" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã gửi sự kiện tới cổng." })).toBeVisible();
    await expect(page.getByTestId("sim-citizen").filter({ hasText: "84961234567" })).toContainText("Đang quan tâm OA");
    await page.getByLabel("Nội dung tin nhắn").fill("#HOTRO");
    await page.getByRole("button", { name: "Gửi tin nhắn" }).click();
    await expect(page.getByTestId("sim-chat-own").filter({ hasText: "#HOTRO" })).toBeVisible();
    await expect(page.getByLabel("Nội dung tin nhắn")).toHaveValue("");
    await page.getByLabel("Họ và tên").fill("Hoàng Thị Thử");
    await page.getByLabel("Địa chỉ").fill("Phường Thành Sen, Hà Tĩnh");
    await page.getByRole("button", { name: "Chia sẻ thông tin" }).click();
    await expect(page.getByTestId("sim-citizen").filter({ hasText: "84961234567" })).toContainText(
      "Đã chia sẻ thông tin",
    );
    await page.getByRole("button", { name: "Bỏ quan tâm" }).click();
    await expect(page.getByTestId("sim-citizen").filter({ hasText: "84961234567" })).toContainText("Chưa quan tâm");
  });
});

test.describe("an admin preparing go-live checks", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("turns ZBS development mode on for go-live checks, is reminded on every page, and turns it off", async ({
    page,
  }) => {
    await page.goto("/admin/zalo");
    const form = page.getByTestId("zbs-development-mode");
    const box = form.getByLabel("Gửi tin theo mẫu (ZBS) ở chế độ thử nghiệm (mode: development)");
    await expect(box).not.toBeChecked();
    await box.check();
    await form.getByRole("button", { name: "Lưu chế độ gửi" }).click();
    await expect(form.getByText("Đã lưu chế độ gửi tin ZBS.")).toBeVisible();
    await page.goto("/dossiers");
    await expect(page.getByTestId("zalo-alert-zbs_development_mode")).toContainText("Đang bật chế độ thử nghiệm ZBS");
    await page.screenshot({ path: "test-results/zalo-dev-mode-alert.png", fullPage: false });
    await page.goto("/admin/zalo");
    await page.getByTestId("zbs-development-mode").screenshot({ path: "test-results/zalo-dev-mode-form.png" });
    await page
      .getByTestId("zbs-development-mode")
      .getByLabel(/chế độ thử nghiệm/)
      .uncheck();
    await page.getByTestId("zbs-development-mode").getByRole("button", { name: "Lưu chế độ gửi" }).click();
    await expect(page.getByTestId("zbs-development-mode").getByText("Đã lưu chế độ gửi tin ZBS.")).toBeVisible();
    await page.goto("/dossiers");
    await expect(page.getByTestId("zalo-alert-zbs_development_mode")).toHaveCount(0);
  });
});
