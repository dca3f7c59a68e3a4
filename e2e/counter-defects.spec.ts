import { type Page, expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pageText } from "../lib/dossiers/receipt-pdf-text";
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
const docBox = (page: Page, name: string) =>
  page.getByTestId("components").getByRole("checkbox", { name: new RegExp(`^${escape(name)}`) });

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

test(
  "1, 3: the ticked documents survive a refused submit; errors " +
    "are the app's Vietnamese messages and focus goes to the first",
  async ({ page }) => {
    await page.goto("/dossiers/new");
    // Nothing filled in: the server answers (no browser bubble in the browser's language) and focus lands on the first
    // error.
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
  },
);

test(
  "1: a dossier saved with no document is flagged, and a correction " +
    "records the documents on a new receipt version",
  async ({ page }) => {
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
  },
);

test(
  "2, 11: the printed receipt keeps its header and equals the PDF; " +
    "the look-up address is printed; empty lines are left out",
  async ({ page }) => {
    const code = await receive(page, { name: "Trịnh Văn In Ấn", idNumber: "042077009876" });
    await page.emulateMedia({ media: "print" });
    const receipt = page.getByTestId("receipt");
    const pdf = await page.request.get(`/dossiers/${encodeURIComponent(code)}/receipt.pdf`);
    expect(pdf.ok()).toBe(true);
    const doc = await PDFDocument.load(await pdf.body());
    const pdfText = pageText(doc, doc.getPage(0));
    const pdfFlat = pdfText.replace(/\s+/g, " ");
    const printed = (await receipt.innerText()).replace(/\s+/g, " ");
    const day = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    })
      .format(new Date())
      .split("/");
    const lookupUrl = (await receipt.getByTestId("receipt-lookup-url").innerText())
      .replace(/^Tra cứu tại:\s*/, "")
      .trim();
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
    await page.screenshot({ path: "test-results/counter-receipt-print.png", fullPage: true });
    // The look-up address beside the QR, in both; no phone, email or address lines for a citizen who gave none.
    expect(pdfText.replace(/\s/g, "")).toContain(`Tracứutại:${lookupUrl}`);
    for (const text of [printed, pdfFlat]) {
      expect(text).not.toContain("Email");
      expect(text).not.toContain("Số điện thoại:");
      expect(text).not.toMatch(/Địa chỉ: …/);
    }
  },
);

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

test(
  "5: the usual next step comes first; rejecting asks for confirmation " +
    "with its consequence, and cancelling changes nothing",
  async ({ page }) => {
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
    await page.screenshot({ path: "test-results/counter-confirm.png" });
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
  },
);

test("6, 7: search finds a dossier by part of its code; the CSV keeps ID and phone numbers as text for Excel", async ({
  page,
}) => {
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

const signedOut = { cookies: [], origins: [] };

/** A move offered on the dossier page, opening the other moves when it is not the usual next step. */
async function moveTo(
  page: Page,
  code: string,
  to: string,
  fill?: (form: ReturnType<Page["getByTestId"]>) => Promise<void>,
) {
  await page.goto(`/dossiers/${encodeURIComponent(code)}`);
  const form = page.getByTestId(`transition-${to}`);
  if (!(await form.isVisible())) await page.getByText("Các thao tác khác").click();
  if (fill) await fill(form);
  await form.getByRole("button").first().click();
  await page.waitForURL(/done=1/);
}

test(
  "9, 10: the look-up says what the citizen must do, names the " +
    "receiving office, has the portal header and the OA button",
  async ({ page, browser }) => {
    const code = await receive(page, { name: "Võ Thị Bổ Sung", idNumber: "042193005555" });
    const lookup = new URL(
      (await page.getByTestId("receipt-lookup-url").innerText()).replace(/^Tra cứu tại:\s*/, "").trim(),
    );
    await moveTo(page, code, "supplement_requested", (form) =>
      form
        .getByRole("textbox", { name: /Giấy tờ cần bổ sung/ })
        .fill("Bản sao sổ hộ khẩu\nGiấy xác nhận tình trạng hôn nhân"),
    );

    const anon = await browser.newContext({ storageState: signedOut });
    const citizen = await anon.newPage();
    await citizen.goto(`${lookup.pathname}${lookup.search}`);
    await expect(citizen.getByTestId("portal-header")).toContainText("Cổng tra cứu hồ sơ thủ tục hành chính");
    const todo = citizen.getByTestId("lookup-todo");
    await expect(todo).toContainText("Việc công dân cần làm");
    await expect(todo.getByRole("listitem")).toHaveText(["Bản sao sổ hộ khẩu", "Giấy xác nhận tình trạng hôn nhân"]);
    const office = citizen.getByTestId("lookup-office");
    await expect(office).toContainText("Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh");
    await expect(office).toContainText("Số 02A, đường Nguyễn Chí Thanh, phường Thành Sen, tỉnh Hà Tĩnh");
    await expect(office.getByRole("link", { name: "0239 3 000 037" })).toHaveAttribute("href", "tel:02393000037");
    await expect(office).toContainText("07:30–11:30, 13:30–17:00, thứ Hai đến thứ Sáu");
    await expect(office.getByTestId("oa-button")).toHaveAttribute("href", /^https:\/\/zalo\.me\/[\w-]+$/);
    // By code alone: the office, never what the citizen must bring.
    await citizen.goto(lookup.pathname);
    await expect(citizen.getByTestId("lookup-office")).toBeVisible();
    await expect(citizen.getByTestId("lookup-todo")).toHaveCount(0);

    // The fee with its https payment link.
    await moveTo(page, code, "appraising");
    await moveTo(page, code, "fee_requested", async (form) => {
      await form.getByLabel("Số tiền (đồng)").fill("1500000");
      await form.getByLabel("Đường dẫn thanh toán").fill("https://thanhtoan.example.vn/hs/42");
    });
    await citizen.goto(`${lookup.pathname}${lookup.search}`);
    await expect(citizen.getByTestId("lookup-todo")).toContainText("Nộp phí, lệ phí: 1.500.000 đ");
    await expect(citizen.getByRole("link", { name: "Thanh toán trực tuyến" })).toHaveAttribute(
      "href",
      "https://thanhtoan.example.vn/hs/42",
    );
    await citizen.setViewportSize({ width: 390, height: 844 });
    await citizen.screenshot({ path: "test-results/counter-lookup.png", fullPage: true });
    await anon.close();
  },
);

test("12: the home page shows a receptionist's own figures and a supervisor's for the unit subtree", async ({
  page,
  browser,
}) => {
  const figure = async (p: Page, key: string) =>
    Number((await p.getByTestId(`figure-${key}`).locator("span").first().innerText()).replace(/\D/g, ""));
  const supervisor = await (await browser.newContext({ storageState: storageStateOf("supervisor") })).newPage();
  const ward = await (await browser.newContext({ storageState: storageStateOf("receptionist.thanhsen") })).newPage();
  await page.goto("/");
  await supervisor.goto("/");
  await ward.goto("/");
  await expect(page.getByTestId("home-figures")).toContainText("Hồ sơ bạn tiếp nhận");
  await expect(supervisor.getByTestId("home-figures")).toContainText(
    "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh và các đơn vị trực thuộc",
  );
  const before = {
    mine: await figure(page, "received-today"),
    boss: await figure(supervisor, "received-today"),
    ward: await figure(ward, "received-today"),
  };
  await receive(page, { name: "Đinh Văn Đếm", idNumber: "042095007777" });
  await page.goto("/");
  await supervisor.reload();
  await ward.reload();
  expect(await figure(page, "received-today")).toBe(before.mine + 1);
  expect(await figure(supervisor, "received-today")).toBe(before.boss + 1);
  expect(await figure(ward, "received-today")).toBe(before.ward);
  await expect(page.getByTestId("figure-overdue")).toContainText("Quá hạn");
  await expect(page.getByTestId("figure-due-soon")).toContainText("Đến hạn trong 2 ngày làm việc tới");
  await page.screenshot({ path: "test-results/counter-home.png", fullPage: true });
  await supervisor.context().close();
  await ward.context().close();
});

test("13: the audit log names actions in words, in Vietnamese and in English", async ({ page, browser, baseURL }) => {
  await receive(page, { name: "Phan Thị Nhật Ký", idNumber: "042190008888" });
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const audit = await admin.newPage();
  await audit.goto("/admin/audit");
  const rows = audit.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "Tiếp nhận hồ sơ" }).first()).toBeVisible();
  await expect(audit.getByRole("cell", { name: "dossier.receive", exact: true })).toHaveCount(0);
  await admin.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await audit.reload();
  await expect(rows.filter({ hasText: "Dossier received" }).first()).toBeVisible();
  await admin.close();
});

test(
  "14: current page in the sidebar, 404 inside the staff " + "layout, favicon, one question for EMS, dd/mm/yyyy dates",
  async ({ page }) => {
    await page.goto("/dossiers/new");
    const nav = page.getByRole("complementary").getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Tiếp nhận hồ sơ" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Hồ sơ", exact: true })).not.toHaveAttribute("aria-current", "page");
    // The EMS wish is asked once, in "Đăng ký nhận kết quả tại", and still needs an address.
    await expect(page.getByRole("checkbox", { name: /chuyển phát nhanh \(EMS\)/ })).toHaveCount(0);
    await chooseBirthProcedure(page);
    await page.getByLabel("Đăng ký nhận kết quả tại").selectOption({ label: "Qua dịch vụ bưu chính (EMS)" });
    await page.getByRole("textbox", { name: "Họ và tên", exact: true }).fill("Ngô Văn Bưu");
    await page.getByRole("textbox", { name: "Số định danh cá nhân (CCCD/CMND)" }).fill("042095009999");
    await page.getByRole("button", { name: "Tiếp nhận và in giấy hẹn" }).click();
    await expect(page.getByText("Nhập địa chỉ để nhận kết quả qua bưu chính (EMS).")).toBeVisible();

    for (const path of ["/dossiers/H27.37-000000-9999", "/khong-co-trang-nay"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Không tìm thấy trang (404)" })).toBeVisible();
      await expect(page.getByRole("complementary").getByRole("link", { name: "Hồ sơ", exact: true })).toBeVisible();
    }
    const icon = await page.request.get("/icon.svg");
    expect(icon.ok()).toBe(true);
    await page.goto("/dossiers");
    await expect(page.locator('head link[rel="icon"]')).toHaveCount(1);

    const from = page.getByRole("textbox", { name: "Tiếp nhận từ ngày" });
    await expect(from).toHaveAttribute("placeholder", "ngày/tháng/năm");
    await from.fill("01/01/2020");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page).toHaveURL(/from=01%2F01%2F2020/);
    await expect(page.getByRole("textbox", { name: "Tiếp nhận từ ngày" })).toHaveValue("01/01/2020");
    await expect(page.getByTestId("dossier-row").first()).toBeVisible();
    await page.getByRole("textbox", { name: "Tiếp nhận từ ngày" }).fill("01/01/2099");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByText("Không có hồ sơ phù hợp.")).toBeVisible();
  },
);

test("8: the dossier list fits a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dossiers");
  await expect(page.getByTestId("dossier-row").first()).toBeVisible();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest(".overflow-x-auto"))
      .slice(0, 8)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/counter-list-390.png", fullPage: true });
});

test("15: source notes of a procedure are shown only to roles that edit the catalogue", async ({ page, browser }) => {
  const open = async (p: Page) => {
    await p.goto("/procedures?q=2.000591");
    await p.locator('main a[href^="/procedures/"]:not([href$="/new"])').first().click();
    await p.waitForURL(/\/procedures\/\d+$/);
  };
  await open(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Nguồn thứ cấp");
  await expect(page.locator("main")).not.toContainText("chưa xác minh");
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await open(adminPage);
  await expect(adminPage.getByTestId("processing-note")).toContainText("Nguồn thứ cấp");
  await admin.close();
});
