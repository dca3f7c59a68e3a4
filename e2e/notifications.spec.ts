import { type Page, expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.use({ storageState: storageStateOf("receptionist") });

const CONTROL = "/sim/zalo/_control";
const NAME = "Lê Thị Thu Hà";

/** A fresh mobile per run so the simulated phone shows only this run's messages. */
function freshMobile(): string {
  return `097${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
}

async function receive(page: Page, phone: string): Promise<string> {
  await page.goto("/dossiers/new");
  await page.getByRole("combobox", { name: "Thủ tục hành chính" }).fill("khai sinh");
  await expect(page.getByRole("option").first()).toBeVisible({ timeout: 15_000 });
  await page.getByRole("combobox", { name: "Thủ tục hành chính" }).press("Enter");
  await expect(page.getByTestId("chosen-procedure")).toBeVisible();
  await page.getByLabel("Họ và tên").first().fill(NAME);
  await page.getByLabel("Số định danh cá nhân (CCCD/CMND)").first().fill("042190011223");
  await page.getByLabel("Số điện thoại di động").first().fill(phone);
  await page.getByLabel("Đăng ký nhận thông báo trạng thái hồ sơ qua Zalo").check();
  await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
  await page.waitForURL(/\/dossiers\/[^/]+\/receipt/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
}

/** The citizen's phone in the simulator: the OA messages it received. */
async function phoneShows(page: Page, phone: string, ...texts: (string | RegExp)[]) {
  await page.goto("/sim");
  await page.getByLabel("Số điện thoại").fill(phone);
  let message = page.getByTestId("sim-chat-message");
  for (const t of texts) message = message.filter({ hasText: t });
  await expect(message.last()).toBeVisible({ timeout: 20_000 });
  return message.last();
}

async function move(
  page: Page,
  code: string,
  to: string,
  fill?: (form: ReturnType<Page["getByTestId"]>) => Promise<void>,
) {
  await page.goto(`/dossiers/${encodeURIComponent(code)}`);
  const form = page.getByTestId(`transition-${to}`);
  // The usual next step is shown; the other moves open on demand.
  if (!(await page.getByTestId("next-step").getByTestId(`transition-${to}`).count()))
    await page.getByText("Các thao tác khác").click();
  if (fill) await fill(form);
  await form.getByRole("button").click();
  await page.waitForURL(/done=1/);
}

test(
  "every change of a Zalo-registered dossier reaches the citizen's " +
    "phone, and a failed message is shown and re-sent from the dossier",
  async ({ page }) => {
    test.setTimeout(240_000);
    const phone = freshMobile();
    const code = await receive(page, phone);

    // Receipt: the appointment (due date) is in the message.
    const received = await phoneShows(page, phone, code, "đã được tiếp nhận");
    await expect(received).toContainText(/Ngày hẹn trả kết quả: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    await phoneShows(page, phone, code, "Giấy tiếp nhận và hẹn trả kết quả");

    await move(page, code, "assigned");
    await phoneShows(page, phone, code, "đã được chuyển tới");

    await move(page, code, "fee_requested", async (form) => {
      await form.getByLabel("Số tiền (đồng)").fill("1000000");
      await form.getByLabel("Đường dẫn thanh toán").fill("https://thanhtoan.example.vn/hs/1");
    });
    await phoneShows(page, phone, code, "1.000.000 đồng", "https://thanhtoan.example.vn/hs/1");

    await move(page, code, "fee_paid");
    await move(page, code, "appraising");
    await phoneShows(page, phone, code, "đang được");
    await move(page, code, "awaiting_signature");
    await phoneShows(page, phone, code, "chờ lãnh đạo ký duyệt");
    await move(page, code, "result_ready");
    await phoneShows(page, phone, code, "đã có kết quả");
    await move(page, code, "returned");
    await phoneShows(page, phone, "Kết quả hồ sơ", code, "đã được trả ngày");

    // The dossier page lists each notification; the fee-paid event has no ZBS template and says why.
    await page.goto(`/dossiers/${encodeURIComponent(code)}`);
    // No Zalo account proved this fresh number: the counter is told the messages go by ZBS to the number only.
    const account = page.getByTestId("zalo-account");
    await expect(account).toHaveAttribute("data-kind", "none");
    await expect(account).toContainText("Chưa có tài khoản Zalo nào xác nhận");
    await expect(account).toContainText("thông báo chỉ đi bằng tin ZBS theo số điện thoại");
    const rows = page.getByTestId("notification-row");
    await expect(rows.filter({ has: page.locator('[data-status="skipped"]') })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Đã nộp phí, lệ phí" })).toContainText("Không có kênh gửi phù hợp");
    await expect(
      rows.filter({ hasText: "Yêu cầu nộp phí, lệ phí" }).getByTestId("notification-status"),
    ).toHaveAttribute("data-status", /sent|delivered|seen/);
  },
);

test("a permanent Zalo failure shows its reason on the dossier page and is re-sent from there", async ({ page }) => {
  test.setTimeout(120_000);
  // The simulator answers -118 (no Zalo account) for phones ending in 000118.
  const phone = "0971000118";
  const code = await receive(page, phone);
  const dossier = `/dossiers/${encodeURIComponent(code)}`;
  const receivedRow = page.getByTestId("notification-row").filter({ hasText: "Tiếp nhận hồ sơ" });
  await expect(async () => {
    await page.goto(dossier);
    await expect(receivedRow.getByTestId("notification-status")).toHaveAttribute("data-status", "failed_permanent", {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(receivedRow.getByTestId("notification-error")).toContainText("Số điện thoại chưa đăng ký Zalo (-118)");
  await expect(receivedRow).toContainText("Gửi thất bại");

  // The citizen registers with Zalo: the simulator stops refusing the number; staff re-send the same message.
  const settings = await page.request.get(`${CONTROL}/state`);
  const magicCodes = ((await settings.json()).settings.magicCodes as number[]).filter((c) => c !== -118);
  await page.request.post(`${CONTROL}/settings`, { data: { magicCodes } });
  try {
    await receivedRow.getByRole("button", { name: "Gửi lại" }).click();
    // The row leaves "failed" at once: queued again, or already sent by the worker.
    await expect(receivedRow.getByTestId("notification-status")).toHaveAttribute(
      "data-status",
      /queued|sending|sent|delivered|seen/,
    );
    await expect(receivedRow.getByRole("button", { name: "Gửi lại" })).toHaveCount(0);
    await expect(async () => {
      await page.goto(dossier);
      await expect(receivedRow.getByTestId("notification-status")).toHaveAttribute(
        "data-status",
        /sent|delivered|seen/,
        { timeout: 1000 },
      );
    }).toPass({ timeout: 30_000 });
    await phoneShows(page, phone, code, "đã được tiếp nhận");
  } finally {
    await page.request.post(`${CONTROL}/settings`, { data: { magicCodes: [...magicCodes, -118] } });
  }
});

test.describe("a supervisor", () => {
  test.use({ storageState: storageStateOf("supervisor") });

  test("sees delivery health with the queue, token state and quota, but cannot edit templates", async ({ page }) => {
    await page.goto("/delivery");
    await expect(page.getByRole("heading", { level: 1, name: "Tình trạng gửi tin" })).toBeVisible();
    await expect(page.getByTestId("queue-waiting")).toBeVisible();
    await expect(page.getByTestId("token-state")).toBeVisible();
    await expect(page.getByTestId("quota")).toBeVisible();
    const res = await page.goto("/admin/templates");
    expect(res?.status()).toBe(403);
  });
});

test.describe("an administrator", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("edits a template and keeps what was typed when a field is wrong", async ({ page }) => {
    await page.goto("/admin/templates/fee_requested");
    await expect(page.getByTestId("template-preview")).toContainText("1.000.000 đồng");
    const params = page.getByLabel("Tham số mẫu ZBS");
    const original = await params.inputValue();
    await params.fill(`${original}\nbad = khong_co : 10`);
    await page.getByRole("button", { name: "Lưu mẫu tin" }).click();
    await expect(page.getByText('Dòng 5: không có trường dữ liệu "khong_co".')).toBeVisible();
    await expect(params).toHaveValue(`${original}\nbad = khong_co : 10`);
    await params.fill(original);
    await page.getByRole("button", { name: "Lưu mẫu tin" }).click();
    await expect(page.getByText("Đã lưu mẫu tin.")).toBeVisible();
  });
});
