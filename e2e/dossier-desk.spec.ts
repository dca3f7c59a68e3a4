import { type Browser, type Page, expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { storageStateOf } from "./users";

test.use({ storageState: storageStateOf("receptionist") });

const CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh";
const THANH_SEN = "Ủy ban nhân dân phường Thành Sen";
const NAME = "Đặng Thị Mỹ Duyên";
const ID_NUMBER = "042195006789";
const PHONE = "0983 456 712";
const signedOut = { cookies: [], origins: [] };

/** The text inside a QR image given as a PNG data URL. */
function decodeQr(dataUrl: string): string | null {
  const [header, base64] = dataUrl.split(",");
  expect(header).toBe("data:image/png;base64");
  const png = PNG.sync.read(Buffer.from(base64, "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function createKeyInUi(browser: Browser, name: string, unit: string): Promise<string> {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/api-keys");
  await page.getByLabel("Tên khóa").fill(name);
  await page.getByLabel("Đơn vị").selectOption({ label: unit });
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  const key = (await page.getByTestId("created-api-key").textContent())!.trim();
  await admin.close();
  expect(key).toMatch(/^mcz_/);
  return key;
}

/** One move from the dossier page: the button of a move the page offers, then the page shows the new status. */
async function move(page: Page, label: string, note?: string) {
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: `Chuyển sang: ${label}`, exact: true }) });
  if (note) await form.getByLabel("Ghi chú").fill(note);
  await form.getByRole("button").click();
  await page.waitForURL(/done=1/);
  await expect(page.getByRole("status").filter({ hasText: "Đã chuyển trạng thái." })).toBeVisible();
  await expect(page.getByTestId("detail-status").locator("dd")).toHaveText(label);
}

test(
  "a receptionist logs a Zalo-registered dossier, prints its receipt with " +
    "a working QR, and moves it to returned; other units cannot see it",
  async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);

    await test.step(
      "intake: keyboard-first procedure picker, a wrong " + "phone is refused and nothing typed is lost",
      async () => {
        await page.goto("/dossiers/new");
        const picker = page.getByRole("combobox", { name: "Thủ tục hành chính" });
        await expect(picker).toBeFocused();
        await page.keyboard.type("khai sinh");
        const birth = page.getByRole("option").filter({ hasText: "1.001193" });
        await expect(birth).toContainText("Thủ tục đăng ký khai sinh");
        for (let i = 0; i < 15 && (await birth.getAttribute("aria-selected")) !== "true"; i++)
          await picker.press("ArrowDown");
        await expect(birth).toHaveAttribute("aria-selected", "true");
        await picker.press("Enter");
        const chosen = page.getByTestId("chosen-procedure");
        await expect(chosen).toContainText("Thủ tục đăng ký khai sinh");
        await expect(page).toHaveURL(/\/dossiers\/new$/); // Enter chose, it did not submit

        await page.getByRole("textbox", { name: "Họ và tên", exact: true }).fill(NAME);
        await page.getByRole("textbox", { name: "Số định danh cá nhân (CCCD/CMND)" }).fill(ID_NUMBER);
        const phone = page.getByRole("textbox", { name: "Số điện thoại di động", exact: true });
        await phone.fill("0123 45");
        const zalo = page.getByLabel("Đăng ký nhận thông báo trạng thái hồ sơ qua Zalo");
        await zalo.check();
        await phone.press("Enter");

        await expect(phone).toHaveAccessibleDescription(
          "Số điện thoại di động Việt Nam không hợp lệ (ví dụ 0912 345 678).",
        );
        await expect(phone).toHaveAttribute("aria-invalid", "true");
        await expect(page).toHaveURL(/\/dossiers\/new$/);
        await expect(page.getByRole("textbox", { name: "Họ và tên", exact: true })).toHaveValue(NAME);
        await expect(page.getByRole("textbox", { name: "Số định danh cá nhân (CCCD/CMND)" })).toHaveValue(ID_NUMBER);
        await expect(phone).toHaveValue("0123 45");
        await expect(zalo).toBeChecked();
        await expect(chosen).toContainText("Thủ tục đăng ký khai sinh");

        await phone.fill(PHONE);
        await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
        await page.waitForURL(/\/dossiers\/[^/]+\/receipt\?new=1$/);
      },
    );

    const code = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
    expect(code).toMatch(/^H27\.37-\d{6}-\d{4,}$/);
    const detail = `/dossiers/${encodeURIComponent(code)}`;
    let lookupPath = "";

    await test.step("the receipt (Mẫu số 01) opens with a QR that decodes to the secured look-up URL", async () => {
      const receipt = page.getByTestId("receipt");
      await expect(
        receipt.getByRole("heading", { level: 1, name: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" }),
      ).toBeVisible();
      await expect(receipt.getByTestId("receipt-code")).toHaveText(`Mã hồ sơ: ${code}`);
      await expect(receipt).toContainText(`Ông (Bà)/Tổ chức: ${NAME}`);
      await expect(receipt).toContainText("Thủ tục đăng ký khai sinh (mã 1.001193)");
      await expect(receipt).toContainText("Ông (Bà) đã đăng ký nhận thông báo qua Zalo");
      await expect(receipt.getByTestId("receipt-due")).toContainText(/\d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}/);

      const qr = receipt.getByRole("img", { name: `Mã QR tra cứu hồ sơ ${code}` });
      const text = decodeQr((await qr.getAttribute("src"))!);
      const publicBase = process.env.PUBLIC_BASE_URL || baseURL!;
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(text).toMatch(
        new RegExp(`^${escape(publicBase)}/tra-cuu/${escape(encodeURIComponent(code))}\\?t=[A-Za-z0-9_-]{20,}$`),
      );
      const url = new URL(text!);
      lookupPath = `${url.pathname}${url.search}`;
    });

    await test.step("the QR's look-up page shows the status to anyone, signed out", async () => {
      const anon = await browser.newContext({ storageState: signedOut });
      const citizen = await anon.newPage();
      await citizen.goto(lookupPath);
      await expect(citizen).toHaveURL(new RegExp(`/tra-cuu/`));
      const result = citizen.getByTestId("lookup-result");
      await expect(result).toHaveAttribute("data-kind", "full");
      await expect(citizen.getByTestId("lookup-status")).toHaveText("Đã tiếp nhận");
      await expect(citizen.getByTestId("lookup-owner")).toContainText(NAME);
      await expect(result).toContainText("Thủ tục đăng ký khai sinh");
      await expect(citizen.getByTestId("lookup-timeline").getByRole("listitem")).toHaveCount(1);
      await expect(citizen.locator("body")).not.toContainText(ID_NUMBER);
      await anon.close();
    });

    await test.step(
      "the dossier list finds it by name without diacritics " + "and by part of the phone; another unit's does not",
      async () => {
        await page.goto("/dossiers");
        const search = page.getByRole("search").getByRole("searchbox");
        await search.fill("dang thi my duy");
        await search.press("Enter");
        await expect(page).toHaveURL(/q=dang\+thi\+my\+duy/);
        await expect(page.getByRole("link", { name: code, exact: true })).toBeVisible();
        await page.goto(`/dossiers?q=${encodeURIComponent("983 456")}`);
        await expect(page.getByRole("link", { name: code, exact: true })).toBeVisible();
        await page.goto(`/dossiers?q=${encodeURIComponent("thi duyen")}`);
        await expect(page.getByRole("link", { name: code, exact: true })).toHaveCount(0);
        const other = await browser.newContext({ storageState: storageStateOf("receptionist.thanhsen") });
        const otherPage = await other.newPage();
        await otherPage.goto(`/dossiers?q=${encodeURIComponent("dang thi my duyen")}`);
        await expect(otherPage.getByRole("search")).toBeVisible();
        await expect(otherPage.getByRole("link", { name: code, exact: true })).toHaveCount(0);
        await other.close();
      },
    );

    // A second tab left open on the dossier as it was at intake: it still offers moves that will no longer be legal.
    const stale = await page.context().newPage();
    await stale.goto(detail);
    await stale.getByText("Các thao tác khác").click();
    await expect(stale.getByRole("button", { name: "Chuyển sang: Công dân rút hồ sơ" })).toBeVisible();

    await test.step("the dossier goes through its lifecycle from its page to returned", async () => {
      await page.goto(detail);
      await expect(page.getByTestId("detail-status").locator("dd")).toHaveText("Đã tiếp nhận");
      await expect(page.getByTestId("tick-zalo")).toHaveAttribute("data-on", "true");
      await expect(page.getByTestId("submitter-phone")).toContainText(PHONE);
      // Only legal moves are offered: nothing jumps straight to the result.
      await expect(page.getByRole("button", { name: "Chuyển sang: Đã trả kết quả" })).toHaveCount(0);

      await move(page, "Phân công thụ lý", "Giao công chức tư pháp - hộ tịch thụ lý");
      await move(page, "Đang thẩm định");
      await move(page, "Trình ký", "Trình lãnh đạo ký giấy khai sinh");
      await move(page, "Có kết quả, chờ trả");
      await move(page, "Đã trả kết quả", "Công dân đã nhận bản chính giấy khai sinh");

      await expect(page.getByText("Hồ sơ không còn thao tác nào bạn được thực hiện.")).toBeVisible();
      const history = page.getByTestId("history").getByRole("listitem");
      await expect(history).toHaveCount(6);
      await expect(history.nth(1)).toContainText("Giao công chức tư pháp - hộ tịch thụ lý");
      await expect(history.last()).toContainText("Có kết quả, chờ trả → Đã trả kết quả");
    });

    await test.step("a move that is no longer legal is refused in Vietnamese and changes nothing", async () => {
      const withdraw = stale.getByTestId("transition-withdrawn");
      await withdraw.getByRole("button", { name: "Chuyển sang: Công dân rút hồ sơ" }).click();
      await stale.getByTestId("confirm-withdrawn").getByRole("button", { name: "Xác nhận" }).click();
      await expect(withdraw.getByRole("alert")).toHaveText(
        'Không thể chuyển hồ sơ từ trạng thái "Đã trả kết quả" sang "Công dân rút hồ sơ".',
      );
      await stale.close();
      await page.reload();
      await expect(page.getByTestId("detail-status").locator("dd")).toHaveText("Đã trả kết quả");
      await expect(page.getByTestId("history").getByRole("listitem")).toHaveCount(6);
    });

    await test.step("the look-up page follows: returned, with the full timeline", async () => {
      const anon = await browser.newContext({ storageState: signedOut });
      const citizen = await anon.newPage();
      await citizen.goto(lookupPath);
      await expect(citizen.getByTestId("lookup-status")).toHaveText("Đã trả kết quả");
      await expect(citizen.getByTestId("lookup-timeline").getByRole("listitem")).toHaveCount(6);
      await expect(citizen.getByText("Ngày trả kết quả")).toBeVisible();
      await anon.close();
    });

    await test.step("a receptionist of another unit gets 404 opening it by URL", async () => {
      const other = await browser.newContext({ storageState: storageStateOf("receptionist.thanhsen") });
      const otherPage = await other.newPage();
      for (const path of [detail, `${detail}/receipt`]) {
        const res = await otherPage.goto(path);
        expect(res?.status(), path).toBe(404);
        await expect(otherPage.getByRole("heading", { name: "Không tìm thấy trang (404)" })).toBeVisible();
        await expect(otherPage.locator("body")).not.toContainText(NAME);
      }
      expect((await otherPage.request.get(`${detail}/receipt.pdf`)).status()).toBe(404);
      await other.close();
    });

    await test.step(
      "over the API: the unit's key reads it and is refused " + "an illegal move; another unit's key gets 404",
      async () => {
        const own = {
          authorization: `Bearer ${await createKeyInUi(browser, "Phần mềm một cửa — bàn tiếp nhận", CENTRE)}`,
        };
        const foreign = {
          authorization: `Bearer ${await createKeyInUi(browser, "Phường Thành Sen — bàn tiếp nhận", THANH_SEN)}`,
        };
        const anon = await browser.newContext({ storageState: signedOut });
        const api = anon.request;
        const path = `/api/v1/dossiers/${encodeURIComponent(code)}`;

        const read = await api.get(path, { headers: own });
        expect(read.status()).toBe(200);
        const body = await read.json();
        expect(body.status).toBe("returned");
        expect(body.history.map((h: { to: string }) => h.to)).toEqual([
          "received",
          "assigned",
          "appraising",
          "awaiting_signature",
          "result_ready",
          "returned",
        ]);

        const illegal = await api.post(`${path}/transitions`, { headers: own, data: { to: "appraising" } });
        expect(illegal.status()).toBe(409);
        expect((await illegal.json()).detail).toBe(
          'Không thể chuyển hồ sơ từ trạng thái "Đã trả kết quả" sang "Đang thẩm định".',
        );

        expect((await api.get(path, { headers: foreign })).status()).toBe(404);
        expect((await api.post(`${path}/transitions`, { headers: foreign, data: { to: "appraising" } })).status()).toBe(
          404,
        );
        await anon.close();
      },
    );
  },
);
