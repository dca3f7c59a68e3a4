import { deflateSync } from "node:zlib";
import { type Browser, expect, test } from "@playwright/test";
import { demoFollowers } from "../lib/sim/demo-followers";
import { storageStateOf } from "./users";

/** A small real PNG (solid blue, 64×36) for the cover upload. */
function bluePng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const [w, h] = [64, 36];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([0, 104, 255], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function as(browser: Browser, user: "publisher" | "supervisor") {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  return { context, page: await context.newPage() };
}

test(
  "a publisher writes with a cover image, a supervisor approves, the followers' " +
    "phones receive it, progress reaches 100 %, the public page shows it",
  async ({ browser }) => {
    test.setTimeout(180_000);
    const title = `Thủ tục mới: cấp đổi giấy phép lái xe trực tuyến ${Date.now() % 100000}`;

    const publisher = await as(browser, "publisher");
    let page = publisher.page;
    await page.goto("/announcements/new");
    await page.getByLabel("Tiêu đề").fill(title);
    await page.getByLabel("Tóm tắt").fill("Người dân nộp hồ sơ qua Cổng dịch vụ công, nhận kết quả tại nhà.");
    await page.getByLabel("Chuyên mục").selectOption("thu_tuc");
    await page.getByLabel(/Ảnh bìa/).setInputFiles({ name: "bia.png", mimeType: "image/png", buffer: bluePng() });
    await expect(page.getByTestId("phone-preview").locator("img")).toBeVisible();
    await page
      .getByTestId("block-0")
      .getByRole("textbox")
      .fill("Bước 1: đăng nhập Cổng dịch vụ công quốc gia bằng tài khoản VNeID.");
    await expect(page.getByTestId("phone-preview")).toContainText("Bước 1: đăng nhập");
    // The draft saves by itself; nothing typed is lost.
    await expect(page.getByTestId("save-status")).toContainText("Đã lưu nháp", { timeout: 15_000 });
    await page.getByRole("button", { name: "Trình duyệt" }).click();
    await page.waitForURL(/\/announcements\/\d+$/);
    const url = page.url();
    await expect(page.getByTestId("announcement-status")).toHaveText("Chờ duyệt");
    await expect(page.getByTestId("approve")).toHaveCount(0);
    await publisher.context.close();

    const supervisor = await as(browser, "supervisor");
    page = supervisor.page;
    // The test may run at night in Vietnam: no night window for this run (a setting of the OA's package).
    await page.goto("/announcements/settings");
    await page.getByLabel("Giờ bắt đầu nghỉ đêm (không gửi)").fill("0");
    await page.getByLabel("Giờ kết thúc nghỉ đêm").fill("0");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu.");

    await page.goto(url);
    await expect(page.getByTestId("plan-will-send")).not.toHaveText("0");
    await page.getByTestId("approve").getByRole("button", { name: "Duyệt và gửi" }).click();
    await expect(page.getByTestId("progress-percent")).toHaveText("100%", { timeout: 60_000 });
    await expect(page.getByTestId("announcement-status")).toHaveText("Đã gửi xong", { timeout: 30_000 });

    // A follower's phone in the simulator shows the article.
    const follower = demoFollowers().find((f) => f.following)!;
    await page.goto("/sim");
    await page.getByLabel("Số điện thoại").fill(`0${follower.phone.slice(2)}`);
    await expect(page.getByTestId("sim-chat-message").filter({ hasText: title }).last()).toBeVisible({
      timeout: 20_000,
    });

    // The public news page, readable without signing in.
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const pub = await visitor.newPage();
    await pub.goto("/tin-tuc");
    await pub.getByRole("link", { name: new RegExp(title.slice(0, 30)) }).click();
    await expect(pub.getByTestId("news-title")).toHaveText(title);
    await expect(pub.locator("article img").first()).toBeVisible();
    await pub.screenshot({ path: "test-results/announcement-public.png", fullPage: true });
    await visitor.close();
    await supervisor.context.close();
  },
);

test("a supervisor picks which unit of the subtree the OA follow poster is for", async ({ browser }) => {
  const { context, page } = await as(browser, "supervisor");
  await page.goto("/followers");
  const picker = page.getByTestId("poster-picker");
  const unit = picker.getByLabel("Đơn vị trên áp phích");
  const options = await unit.locator("option").allTextContents();
  expect(options).toEqual(expect.arrayContaining([expect.stringContaining("Trung tâm Phục vụ hành chính công")]));
  expect(options.some((o) => o.includes("Thành Sen"))).toBe(false);
  await unit.selectOption({ label: options.find((o) => o.includes("Trung tâm Phục vụ hành chính công"))! });
  // The form GETs the PDF for the chosen unit (what the "Tải áp phích" button submits).
  await expect(picker).toHaveAttribute("action", "/followers/poster.pdf");
  await expect(picker.getByRole("button", { name: "Tải áp phích" })).toBeVisible();
  const pdf = await page.request.get(`/followers/poster.pdf?unit=${await unit.inputValue()}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: "test-results/followers-poster-picker.png" });
  // A unit outside the subtree is refused on the server whatever the address says.
  expect((await page.request.get("/followers/poster.pdf?unit=999999")).status()).toBe(404);
  await context.close();
});
