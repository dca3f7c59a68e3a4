import { type Page, expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pageText } from "../lib/receipts/pdf-text";
import { storageStateOf } from "./users";

/* Issue 12: the defects found walking the receptionist's and the citizen's journeys, each proved in the browser. */

test.use({ storageState: storageStateOf("receptionist") });

const BIRTH = "Thủ tục đăng ký khai sinh";
const DOCS = [
  "Tờ khai đăng ký khai sinh (theo mẫu)",
  "Giấy chứng sinh (hoặc văn bản người làm chứng / giấy cam đoan về việc sinh)",
  "Giấy tờ tùy thân của người đi đăng ký (xuất trình)",
];
const RECEPTIONIST = "Nguyễn Thị Hương";

async function chooseBirthProcedure(page: Page) {
  const picker = page.getByRole("combobox", { name: "Thủ tục hành chính" });
  await picker.fill("khai sinh");
  const birth = page.getByRole("option").filter({ hasText: "1.001193" });
  await birth.click();
  await expect(page.getByTestId("chosen-procedure")).toContainText(BIRTH);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A document's tick on the intake form (its label goes on with copies and original/copy). */
const docBox = (page: Page, name: string) => page.getByTestId("components").getByRole("checkbox", { name: new RegExp(`^${escape(name)}`) });

/** A dossier received at the counter through the form; returns its code. */
async function receive(page: Page, opts: { name: string; idNumber: string; untick?: string[] }): Promise<string> {
  await page.goto("/dossiers/new");
  await chooseBirthProcedure(page);
  for (const d of opts.untick ?? []) await docBox(page, d).uncheck();
  await page.getByRole("textbox", { name: "Họ và tên", exact: true }).fill(opts.name);
  await page.getByRole("textbox", { name: "Số định danh cá nhân (CCCD/CMND)" }).fill(opts.idNumber);
  await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
  await page.waitForURL(/\/dossiers\/[^/]+\/receipt\?new=1$/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);
}

test("1, 3: the ticked documents survive a refused submit; errors are the app's Vietnamese messages and focus goes to the first", async ({ page }) => {
  await page.goto("/dossiers/new");
  // Nothing filled in: the server answers (no browser bubble in the browser's language) and focus lands on the first error.
  await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
  const picker = page.getByRole("combobox", { name: "Thủ tục hành chính" });
  await expect(page.getByText("Chọn thủ tục hành chính.")).toBeVisible();
  await expect(page.getByText("Họ tên người nộp: bắt buộc nhập.")).toBeVisible();
  await expect(picker).toHaveAttribute("aria-invalid", "true");
  await expect(picker).toBeFocused();

  // Choosing the procedure after the refusal ticks its documents (the defect left them all unticked).
  await chooseBirthProcedure(page);
  for (const d of DOCS) await expect(docBox(page, d)).toBeChecked();
  await docBox(page, DOCS[2]).uncheck();

  const name = page.getByRole("textbox", { name: "Họ và tên", exact: true });
  await name.fill("Hồ Thị Thu Trang");
  const id = page.getByRole("textbox", { name: "Số định danh cá nhân (CCCD/CMND)" });
  await id.fill("04219");
  await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
  await expect(id).toHaveAccessibleDescription("Số định danh cá nhân: CCCD gồm 12 chữ số hoặc CMND gồm 9 chữ số.");
  await expect(id).toBeFocused();
  // The ticks are as the receptionist left them.
  await expect(docBox(page, DOCS[0])).toBeChecked();
  await expect(docBox(page, DOCS[1])).toBeChecked();
  await expect(docBox(page, DOCS[2])).not.toBeChecked();

  await id.fill("042196001234");
  await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
  await page.waitForURL(/\/receipt\?new=1$/);
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByRole("listitem")).toHaveCount(2);
  await expect(receipt).toContainText(DOCS[0]);
  await expect(receipt).toContainText(DOCS[1]);
  await expect(receipt).not.toContainText(DOCS[2]);
  await expect(page.getByTestId("no-components-alert")).toHaveCount(0);
});

test("1: a dossier saved with no document is flagged, and a correction records the documents on a new receipt version", async ({ page }) => {
  await page.goto("/dossiers/new");
  await chooseBirthProcedure(page);
  for (const d of DOCS) await docBox(page, d).uncheck();
  await expect(page.getByTestId("no-components-warning")).toContainText("Chưa đánh dấu thành phần hồ sơ nào đã nhận");
  await docBox(page, DOCS[0]).check();
  await expect(page.getByTestId("no-components-warning")).toHaveCount(0);
  await docBox(page, DOCS[0]).uncheck();
  await page.getByRole("textbox", { name: "Họ và tên", exact: true }).fill("Lê Văn Không Giấy");
  await page.getByRole("textbox", { name: "Số định danh cá nhân (CCCD/CMND)" }).fill("042088004321");
  await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
  await page.waitForURL(/\/receipt\?new=1$/);
  await expect(page.getByTestId("no-components-alert")).toContainText("chưa có thành phần hồ sơ nào đã nhận");
  const code = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]);

  await page.goto(`/dossiers/${encodeURIComponent(code)}`);
  await expect(page.getByTestId("no-components-alert")).toBeVisible();
  await page.getByText("Điều chỉnh thông tin (cấp lại giấy tiếp nhận)").click();
  const form = page.getByTestId("correction-form");
  await form.getByRole("checkbox", { name: DOCS[0], exact: true }).check();
  await form.getByRole("checkbox", { name: DOCS[1], exact: true }).check();
  await form.getByLabel("Giấy tờ khác đã nhận (nếu có)").fill("Giấy xác nhận cư trú");
  await form.getByLabel("Lý do điều chỉnh").fill("Ghi lại giấy tờ đã nhận");
  await form.getByRole("button", { name: "Lưu và cấp lại giấy tiếp nhận" }).click();
  await page.waitForURL(/corrected=1/);
  await expect(page.getByTestId("no-components-alert")).toHaveCount(0);
  // The receipt history names the receptionist in full, not by login name.
  const versions = page.getByTestId("receipt-versions").getByRole("listitem");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(1)).toContainText(`bởi ${RECEPTIONIST}`);
  await expect(versions.nth(0)).not.toContainText("bởi receptionist");

  await page.goto(`/dossiers/${encodeURIComponent(code)}/receipt`);
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText("(Cấp lại lần 2)");
  await expect(receipt.getByRole("listitem")).toHaveCount(3);
  await expect(receipt).toContainText("Giấy xác nhận cư trú (01 bản)");
  await page.goto(`/dossiers/${encodeURIComponent(code)}/receipt?v=1`);
  await expect(page.getByTestId("no-components-alert")).toBeVisible();
});

test("2, 11: the printed receipt keeps its header and equals the PDF; the look-up address is printed; empty lines are left out", async ({ page }) => {
  const code = await receive(page, { name: "Trịnh Văn In Ấn", idNumber: "042077009876" });
  await page.emulateMedia({ media: "print" });
  const receipt = page.getByTestId("receipt");
  const pdf = await page.request.get(`/dossiers/${encodeURIComponent(code)}/receipt.pdf`);
  expect(pdf.ok()).toBe(true);
  const doc = await PDFDocument.load(await pdf.body());
  const pdfText = pageText(doc, doc.getPage(0));
  const pdfFlat = pdfText.replace(/\s+/g, " ");
  const printed = (await receipt.innerText()).replace(/\s+/g, " ");
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date()).split("/");
  const lookupUrl = (await receipt.getByTestId("receipt-lookup-url").innerText()).replace(/^Tra cứu tại:\s*/, "").trim();
  expect(lookupUrl).toMatch(/\/tra-cuu\/.+\?t=/);
  for (const s of [
    "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH HÀ TĨNH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    `Hà Tĩnh, ngày ${day[0]} tháng ${day[1]} năm ${day[2]}`,
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    `Mã hồ sơ: ${code}`,
    "Ông (Bà)/Tổ chức: Trịnh Văn In Ấn",
    "Số định danh cá nhân/tổ chức: 042077009876",
  ]) {
    expect(printed, `printed: ${s}`).toContain(s);
    expect(pdfFlat, `pdf: ${s}`).toContain(s);
  }
  const number = printed.match(/Số: (\d+\/TTPVHCC)/)?.[1];
  expect(number).toBeTruthy();
  expect(pdfFlat).toContain(`Số: ${number}`);
  // The header is really on the printed page, not only in the DOM.
  await expect(receipt.getByText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBeVisible();
  await expect(receipt.getByText(`Số: ${number}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "In giấy tiếp nhận" })).toBeHidden();
  // The look-up address beside the QR, in both; no phone, email or address lines for a citizen who gave none.
  expect(pdfText.replace(/\s/g, "")).toContain(`Tracứutại:${lookupUrl}`);
  for (const text of [printed, pdfFlat]) {
    expect(text).not.toContain("Email");
    expect(text).not.toContain("Số điện thoại:");
    expect(text).not.toMatch(/Địa chỉ: …/);
  }
});

test("4: the units list shows each unit's own current code", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/units");
  const row = (name: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row("Ủy ban nhân dân tỉnh Hà Tĩnh")).toContainText("000.00.00.H27");
  await expect(row("Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh")).toContainText("H27.01");
  await expect(row("Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh")).toContainText("H27.37");
  await expect(row("Ủy ban nhân dân phường Thành Sen")).toContainText("H27.18073");
  await expect(page.getByRole("cell", { name: "000.00.00.H27", exact: true })).toHaveCount(1);
  await admin.close();
});

test("5: the usual next step comes first; rejecting asks for confirmation with its consequence, and cancelling changes nothing", async ({ page }) => {
  const code = await receive(page, { name: "Cao Thị Xác Nhận", idNumber: "042190007654" });
  await page.goto(`/dossiers/${encodeURIComponent(code)}`);
  const next = page.getByTestId("next-step");
  await expect(next.getByRole("button")).toHaveText(["Chuyển sang: Phân công thụ lý"]);
  const reject = page.getByTestId("transition-rejected");
  await expect(reject).toBeHidden();
  await page.getByText("Các thao tác khác").click();
  await expect(reject).toBeVisible();

  await reject.getByRole("textbox", { name: "Lý do", exact: true }).fill("Hồ sơ không thuộc thẩm quyền");
  await reject.getByRole("button", { name: "Chuyển sang: Từ chối giải quyết" }).click();
  const dialog = page.getByRole("dialog", { name: "Xác nhận thao tác không thể hoàn tác" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("không thể tiếp tục xử lý hồ sơ này");
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("detail-status").locator("dd")).toHaveText("Đã tiếp nhận");

  // Enter in a field goes through the same confirmation.
  await page.getByText("Các thao tác khác").click();
  await reject.getByRole("textbox", { name: "Lý do", exact: true }).fill("Hồ sơ không thuộc thẩm quyền");
  await reject.getByRole("textbox", { name: "Lý do", exact: true }).press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await page.waitForURL(/done=1/);
  await expect(page.getByTestId("detail-status").locator("dd")).toHaveText("Từ chối giải quyết");
});

test("6, 7: search finds a dossier by part of its code; the CSV keeps ID and phone numbers as text for Excel", async ({ page }) => {
  const code = await receive(page, { name: "Mai Văn Tìm Mã", idNumber: "001099002468" });
  const tail = code.split("-").slice(-2).join("-");
  await page.goto("/dossiers");
  const search = page.getByRole("search").getByRole("searchbox");
  await search.fill(tail);
  await search.press("Enter");
  await expect(page.getByRole("link", { name: code, exact: true })).toBeVisible();
  await expect(page.getByTestId("dossier-row")).toHaveCount(1);

  const href = await page.getByTestId("export-csv").getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  const row = csv.split("\r\n").find((l) => l.startsWith(`"${code}"`))!;
  expect(row).toContain('"=""001099002468"""');
});
