import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { createKeyInUi } from "./api-keys";
import { storageStateOf } from "./users";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
const freshMobile = () => `098${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
const PATH = ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"];

/** A dossier of the centre logged through the integration API, moved along `steps`. */
async function dossierViaApi(
  request: APIRequestContext,
  key: string,
  opts: { phone: string; zalo: boolean; steps: string[] },
): Promise<string> {
  const auth = { authorization: `Bearer ${key}` };
  const submitter = { name: "Phan Thị Mỹ Lệ", idNumber: "042190066554", phone: opts.phone };
  const created = await request.post("/api/v1/dossiers", {
    headers: auth,
    data: { procedureCode: "1.001193", channel: "direct", submitter, notifyZalo: opts.zalo },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { code } = await created.json();
  for (const to of opts.steps) {
    const moved = await request.post(`/api/v1/dossiers/${code}/transitions`, { headers: auth, data: { to } });
    expect(moved.status()).toBe(200);
  }
  return code;
}

/** Today's ratings as the operations centre reads them through the API. */
async function ratingsFeed(request: APIRequestContext, bearer: string) {
  const q = `from=${today()}&to=${today()}&limit=200`;
  return request.get(`/api/v1/ratings?${q}`, { headers: { authorization: `Bearer ${bearer}` } });
}

/** The supervisor's drill-down of today's ratings at one level lists the dossier (the worker may still be on it). */
async function supervisorSeesRating(browser: Browser, code: string, metric: string, heading: RegExp) {
  const ctx = await browser.newContext({ storageState: storageStateOf("supervisor") });
  const page = await ctx.newPage();
  await expect(async () => {
    await page.goto(`/bao-cao/chi-tiet?metric=${metric}&from=${today()}&to=${today()}`);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.getByTestId("drill-table").getByRole("link", { name: code })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await ctx.close();
}

let key = "";
let statisticsKey = "";

test.beforeAll(async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  key = await createKeyInUi(page, `Kênh đánh giá e2e ${Date.now()}`);
  statisticsKey = await createKeyInUi(page, `Trung tâm điều hành e2e ${Date.now()}`, { statistics: true });
  await admin.close();
});

test("an administrator adds a rating criterion; a refused save keeps what was typed", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await ctx.newPage();
  await page.goto("/admin/danh-gia");
  await expect(page.getByRole("heading", { name: "Cấu hình đánh giá mức độ hài lòng" })).toBeVisible();
  const form = page.getByTestId("rating-settings-form");
  const labels = form.locator('input[name="criterionLabel"]');
  await expect(labels.first()).toHaveValue("Sự thuận tiện");
  const blank = labels.nth((await labels.count()) - 2);
  await blank.fill("Cơ sở vật chất, nơi ngồi chờ");
  await page.getByLabel("Số ngày người dân được sửa đánh giá").fill("45");
  await page.getByRole("button", { name: "Lưu cấu hình" }).click();
  await expect(page.getByText("Số ngày được sửa đánh giá: từ 0 đến 30 ngày.")).toBeVisible();
  // Nothing typed is lost.
  await expect(form.locator('input[name="criterionLabel"][value="Cơ sở vật chất, nơi ngồi chờ"]')).toHaveCount(1);
  await expect(page.getByLabel("Số ngày người dân được sửa đánh giá")).toHaveValue("45");

  await page.getByLabel("Số ngày người dân được sửa đánh giá").fill("7");
  await page.getByRole("button", { name: "Lưu cấu hình" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu cấu hình đánh giá." })).toBeVisible();
  await page.screenshot({ path: "test-results/rating-settings.png", fullPage: true });
  await page.reload();
  await expect(form.getByText("co_so_vat_chat_noi_ngoi_cho")).toBeVisible();
  await expect(form.locator('input[name="criterionLabel"][value="Cơ sở vật chất, nơi ngồi chờ"]')).toHaveCount(1);
  // Only an administrator reaches the page.
  const supervisor = await browser.newContext({ storageState: storageStateOf("supervisor") });
  const denied = await (await supervisor.newPage()).goto("/admin/danh-gia");
  expect(denied?.status()).toBe(403);
  await supervisor.close();
  await ctx.close();
});

test(
  "the counter tablet: the receptionist opens the dossier " + "just returned, the citizen rates, it locks back to idle",
  async ({ browser, request }) => {
    test.setTimeout(120_000);
    const returned = await dossierViaApi(request, key, { phone: freshMobile(), zalo: false, steps: PATH });
    const notYet = await dossierViaApi(request, key, { phone: freshMobile(), zalo: false, steps: ["assigned"] });

    const tablet = await browser.newContext({
      storageState: storageStateOf("receptionist"),
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
    });
    const page = await tablet.newPage();
    await page.goto("/quay-danh-gia");
    const idle = page.getByTestId("kiosk-idle");
    await expect(idle.getByRole("heading", { name: "Mời Ông/Bà đánh giá sau khi nhận kết quả" })).toBeVisible();
    await page.getByLabel("Mã hồ sơ vừa trả").fill(notYet);
    await page.getByRole("button", { name: "Mở phiếu đánh giá" }).click();
    await expect(idle.getByRole("alert")).toHaveText("Hồ sơ chưa được trả kết quả nên chưa thể đánh giá.");

    await page.getByLabel("Mã hồ sơ vừa trả").fill(returned);
    await page.getByRole("button", { name: "Mở phiếu đánh giá" }).click();
    const kiosk = page.getByTestId("kiosk-form");
    await expect(kiosk).toContainText(returned);
    // The criterion the administrator added is asked too.
    await expect(kiosk.getByRole("group", { name: "Cơ sở vật chất, nơi ngồi chờ" })).toBeVisible();
    await kiosk
      .getByRole("radio", { name: /^Hài lòng/ })
      .first()
      .check();
    await kiosk
      .getByRole("group", { name: "Thời gian giải quyết" })
      .getByRole("radio", { name: "Rất hài lòng" })
      .check();
    await page.screenshot({ path: "test-results/ratings-kiosk.png", fullPage: true });
    await kiosk.getByRole("button", { name: "Gửi đánh giá" }).tap();
    await expect(page.getByTestId("rating-thanks")).toBeVisible();
    await expect(kiosk).toContainText("Màn hình sẽ trở về chờ");
    // Back to idle by itself, with nothing of this citizen left on screen.
    await expect(idle).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Mã hồ sơ vừa trả")).toHaveValue("");
    await expect(page.getByText(returned)).toHaveCount(0);
    await tablet.close();

    // The operations centre's key reads it back as a counter rating.
    const feed = await ratingsFeed(request, statisticsKey);
    expect(feed.status(), await feed.text()).toBe(200);
    const item = (await feed.json()).items.find((i: { dossierCode: string }) => i.dossierCode === returned);
    expect(item).toMatchObject({ level: "satisfied", channel: "counter", criteria: { timeliness: "very_satisfied" } });
    // A key without the statistics scope is refused.
    expect((await ratingsFeed(request, key)).status()).toBe(403);
  },
);

test(
  "Zalo: the citizen answers the rating template with stars; " +
    "the rating lands at the mapped level on the dashboard",
  async ({ browser, request }) => {
    test.setTimeout(180_000);
    const phone = freshMobile();
    const code = await dossierViaApi(request, key, { phone, zalo: true, steps: PATH });

    const citizen = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const sim = await citizen.newPage();
    await sim.goto("/sim");
    await sim.getByLabel("Số điện thoại").fill(phone);
    const invite = sim.getByTestId("sim-chat-message").filter({ hasText: "Mời Ông/Bà đánh giá mức độ hài lòng" });
    await expect(invite.filter({ hasText: code })).toBeVisible({ timeout: 30_000 });
    await sim.getByText("Đánh giá tin nhắn theo mẫu gần nhất").click();
    // Five stars are "Rất hài lòng" in the stars → level table.
    await sim.getByLabel("Số sao").selectOption("5");
    await sim.getByLabel("Nhận xét").fill("Nhận kết quả nhanh");
    await sim.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect(sim.getByText("Đã đánh giá 5 sao")).toBeVisible({ timeout: 15_000 });
    await sim.screenshot({ path: "test-results/ratings-zalo-sim.png", fullPage: true });
    await citizen.close();

    await supervisorSeesRating(browser, code, "rated_very_satisfied", /Đánh giá Rất hài lòng/);
    const items: { dossierCode: string }[] = (await (await ratingsFeed(request, statisticsKey)).json()).items;
    expect(items.find((i) => i.dossierCode === code)).toMatchObject({ level: "very_satisfied", channel: "zalo" });
  },
);
