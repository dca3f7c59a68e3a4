import { type Page, expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

const PHONE = "0971 555 888";
const NAME = "Đỗ Thị Hỏi";

async function unreadBadge(page: Page): Promise<number> {
  const badge = page.locator("aside").getByTestId("unread-badge");
  if (!(await badge.isVisible())) return 0;
  return Number(((await badge.textContent()) ?? "").replace(/\D+/g, "")) || 0;
}

test(
  "a citizen asks from the simulator, the receptionist sees the unread badge, " +
    "answers with a canned reply, the phone shows it, the conversation resolves",
  async ({ browser }) => {
    const staff = await browser.newContext({ storageState: storageStateOf("receptionist") });
    const desk = await staff.newPage();
    await desk.goto("/hoi-dap");
    await expect(desk.getByRole("heading", { name: "Hỏi đáp, phản ánh, kiến nghị" })).toBeVisible();
    const before = await unreadBadge(desk);

    const citizen = await browser.newContext();
    const phone = await citizen.newPage();
    await phone.goto("/sim");
    await phone.getByLabel("Số điện thoại").fill(PHONE);
    await phone.getByLabel("Tên trên Zalo").fill(NAME);
    await phone.getByRole("button", { name: "Quan tâm OA" }).click();
    await expect(phone.getByTestId("sim-chat-message").filter({ hasText: `Chào mừng ${NAME}` })).toBeVisible({
      timeout: 20_000,
    });
    const question = `Cho tôi hỏi đăng ký khai sinh cho con cần giấy tờ gì? (${Date.now()})`;
    await phone.getByLabel("Nội dung tin nhắn").fill(question);
    await phone.getByRole("button", { name: "Gửi tin nhắn" }).click();
    await expect(phone.getByTestId("sim-chat-own").filter({ hasText: question })).toBeVisible();

    // No reload: the badge and the row arrive by themselves.
    await expect.poll(() => unreadBadge(desk), { timeout: 20_000 }).toBe(before + 1);
    const row = desk.getByTestId("conversation-row").filter({ hasText: question });
    await expect(row).toBeVisible({ timeout: 20_000 });
    await row.getByRole("link", { name: NAME }).click();

    await expect(desk.getByTestId("timeline-in").filter({ hasText: question })).toBeVisible();
    await expect(desk.getByTestId("reply-window")).toHaveAttribute("data-zone", "free");
    await desk.getByTestId("canned-select").selectOption({ label: "Hướng dẫn hồ sơ khai sinh" });
    await expect(desk.getByRole("textbox", { name: "Trả lời", exact: true })).toHaveValue(
      new RegExp(`^Kính gửi ${NAME}! Hồ sơ đăng ký khai sinh gồm`),
    );
    await desk.getByRole("button", { name: "Gửi trả lời" }).click();
    await expect(desk.getByText("Đã đưa tin trả lời vào hàng gửi.")).toBeVisible();

    // The worker sends it through the outbox; the phone shows it and Zalo's receipt comes back.
    await expect(phone.getByTestId("sim-chat-message").filter({ hasText: "Hồ sơ đăng ký khai sinh gồm" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(
      desk.getByTestId("timeline-out").filter({ hasText: "Hồ sơ đăng ký khai sinh gồm" }).getByTestId("delivery-state"),
    ).toHaveText("Đã nhận", { timeout: 20_000 });
    await expect(desk.getByTestId("conversation-status")).toHaveText("Chờ người dân");

    // A transfer refused for want of a unit keeps the reason typed and says what is missing.
    await desk.getByLabel("Lý do chuyển").fill("Thuộc thẩm quyền của phường khác");
    await desk.getByRole("button", { name: "Chuyển đơn vị" }).click();
    await expect(desk.getByText("Chọn đơn vị nhận.")).toBeVisible();
    await expect(desk.getByLabel("Lý do chuyển")).toHaveValue("Thuộc thẩm quyền của phường khác");

    await desk.getByTestId("resolve-form").getByRole("button", { name: "Kết thúc hội thoại" }).click();
    await expect(desk.getByTestId("conversation-status")).toHaveText("Đã giải quyết");
    expect(await unreadBadge(desk)).toBe(before);
    await staff.close();
    await citizen.close();
  },
);
