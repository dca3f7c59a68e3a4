import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { createKeyInUi } from "./api-keys";
import { storageStateOf } from "./users";

const signedOut = { cookies: [], origins: [] };

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

test(
  "a citizen rates a returned dossier on the web; the supervisor " +
    "sees it on the dashboard, drills down and downloads the XLSX",
  async ({ browser }) => {
    test.setTimeout(180_000);
    let code = "";
    let lookupUrl = "";

    await test.step("a dossier is logged and returned through the integration API", async () => {
      const admin = await browser.newContext({ storageState: storageStateOf("admin") });
      const page = await admin.newPage();
      const auth = { authorization: `Bearer ${await createKeyInUi(page, `Đánh giá e2e ${Date.now()}`)}` };
      const created = await page.request.post("/api/v1/dossiers", {
        headers: auth,
        data: {
          procedureCode: "1.001193",
          channel: "direct",
          submitter: { name: "Võ Thị Thanh Tâm", idNumber: "042190077881", phone: "0912778811" },
          notifyZalo: false,
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      ({ code, lookupUrl } = await created.json());
      for (const to of ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"]) {
        expect(
          (await page.request.post(`/api/v1/dossiers/${code}/transitions`, { headers: auth, data: { to } })).status(),
        ).toBe(200);
      }
      await admin.close();
    });

    await test.step(
      "the citizen: a link without the secret is refused; " + "from the look-up page the rating is recorded",
      async () => {
        const citizen = await browser.newContext({
          storageState: signedOut,
          viewport: { width: 390, height: 844 },
          isMobile: true,
        });
        const phone = await citizen.newPage();
        await phone.goto(`/danh-gia/${encodeURIComponent(code)}`);
        await expect(phone.getByRole("status")).toContainText("Đường dẫn đánh giá không đầy đủ");
        await expect(phone.getByTestId("rating-form")).toHaveCount(0);

        await phone.goto(new URL(lookupUrl).pathname + new URL(lookupUrl).search);
        await phone.getByTestId("lookup-rate").click();
        await expect(phone.getByRole("heading", { name: "Đánh giá mức độ hài lòng" })).toBeVisible();
        // Sending without a level keeps the comment typed.
        await phone.getByLabel("Góp ý thêm (không bắt buộc)").fill("Cán bộ hướng dẫn rất tận tình");
        await phone
          .getByRole("radio", { name: /Rất hài lòng/ })
          .first()
          .check();
        await phone
          .getByRole("group", { name: "Thái độ của cán bộ" })
          .getByRole("radio", { name: "Rất hài lòng" })
          .check();
        await phone.screenshot({ path: "test-results/ratings-phone.png", fullPage: true });
        await phone.getByRole("button", { name: "Gửi đánh giá" }).click();
        await expect(phone.getByTestId("rating-thanks")).toContainText("Cảm ơn Ông/Bà đã đánh giá");
        await phone.reload();
        await expect(phone.getByRole("status").first()).toContainText("Đánh giá hiện tại: Rất hài lòng");
        await citizen.close();
      },
    );

    await test.step("the supervisor sees the rating on the dashboard and drills down to the dossier", async () => {
      const ctx = await browser.newContext({ storageState: storageStateOf("supervisor"), acceptDownloads: true });
      const page = await ctx.newPage();
      await page.goto(`/bao-cao?from=${today()}&to=${today()}`);
      await expect(page.getByRole("heading", { name: "Báo cáo, thống kê" })).toBeVisible();
      await page.screenshot({ path: "test-results/ratings-dashboard.png", fullPage: true });
      const very = page.getByTestId("fig-very-satisfied");
      await expect(very).not.toHaveText("0");
      await very.click();
      await expect(page.getByRole("heading", { name: /Đánh giá Rất hài lòng/ })).toBeVisible();
      await expect(page.getByTestId("drill-table").getByRole("link", { name: code })).toBeVisible();
      await page.getByRole("link", { name: "Quay lại báo cáo" }).click();

      await test.step("the Circular 01 report downloads as a real XLSX whose figures match the page", async () => {
        const totalRow = page.getByTestId("statutory").locator("tbody tr").last();
        await expect(totalRow.locator("td").first()).toBeVisible();
        const shown = (await totalRow.locator("td").allTextContents()).map((s) => Number(s.replace(/\./g, "")));
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByTestId("download-xlsx").click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^bao-cao-tthc-don-vi-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
        const file = await download.path();
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const ws = wb.getWorksheet("Báo cáo TTHC")!;
        expect(String(ws.getCell("A1").value)).toBe("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
        const header = ws.getRow(5);
        expect(header.getCell(2).value).toBe("Kỳ trước chuyển qua");
        expect(header.getCell(4).value).toBe("Tiếp nhận trực tiếp");
        expect(header.getCell(1).font?.bold).toBe(true);
        const last = ws.getRow(ws.rowCount);
        expect(last.getCell(1).value).toBe("Tổng cộng");
        const numbers = Array.from({ length: 12 }, (_, i) => Number(last.getCell(i + 2).value));
        expect(numbers).toEqual(shown);
        // Received in person today includes the dossier the citizen just rated.
        expect(numbers[2]).toBeGreaterThanOrEqual(1);
      });
      await ctx.close();
    });
  },
);
