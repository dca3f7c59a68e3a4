import { type Page, expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

test.use({ storageState: storageStateOf("admin") });

const CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh";
const THANH_SEN = "Ủy ban nhân dân phường Thành Sen";

async function createKeyInUi(page: Page, name: string, unit: string): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Tên khóa").fill(name);
  await page.getByLabel("Đơn vị").selectOption({ label: unit });
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  const shown = page.getByTestId("created-api-key");
  await expect(shown).toBeVisible();
  const key = (await shown.textContent())!.trim();
  expect(key).toMatch(/^mcz_[A-Za-z0-9_-]{40,}$/);
  return key;
}

test(
  "an admin creates unit keys in the UI; software uses them to " +
    "log and move a dossier, and a key of another unit gets 404",
  async ({ page, request }) => {
    const key = await createKeyInUi(page, "Phần mềm một cửa điện tử", CENTRE);
    // Shown once: after a reload only the prefix remains.
    await page.reload();
    await expect(page.getByTestId("created-api-key")).toHaveCount(0);
    const row = page.getByTestId("api-key-row").filter({ hasText: "Phần mềm một cửa điện tử" });
    await expect(row).toContainText(key.slice(0, 10));
    await expect(page.locator("body")).not.toContainText(key);
    const otherKey = await createKeyInUi(page, "Phường Thành Sen", THANH_SEN);

    const auth = { authorization: `Bearer ${key}` };
    const created = await request.post("/api/v1/dossiers", {
      headers: { ...auth, "idempotency-key": `e2e-${Date.now()}` },
      data: {
        procedureCode: "1.001193",
        channel: "direct",
        submitter: { name: "Hoàng Thị Lan", idNumber: "042190012345", phone: "0912345678" },
        notifyZalo: true,
      },
    });
    expect(created.status()).toBe(201);
    const dossier = await created.json();
    expect(dossier.code).toMatch(/^H27\.37-\d{6}-\d{4,}$/);
    expect(dossier.status).toBe("received");
    expect(dossier.lookupUrl).toContain(`/tra-cuu/${dossier.code}?t=`);

    const moved = await request.post(`/api/v1/dossiers/${dossier.code}/transitions`, {
      headers: auth,
      data: { to: "assigned", note: "Phân công thụ lý" },
    });
    expect(moved.status()).toBe(200);
    expect(await moved.json()).toEqual({ code: dossier.code, status: "assigned" });

    const illegal = await request.post(`/api/v1/dossiers/${dossier.code}/transitions`, {
      headers: auth,
      data: { to: "returned" },
    });
    expect(illegal.status()).toBe(409);
    expect(illegal.headers()["content-type"]).toBe("application/problem+json");
    expect((await illegal.json()).detail).toContain("Không thể chuyển hồ sơ");

    const read = await request.get(`/api/v1/dossiers/${dossier.code}`, { headers: auth });
    expect(read.status()).toBe(200);
    const full = await read.json();
    expect(full.status).toBe("assigned");
    expect(full.history.map((h: { to: string }) => h.to)).toEqual(["received", "assigned"]);

    const foreign = { authorization: `Bearer ${otherKey}` };
    expect((await request.get(`/api/v1/dossiers/${dossier.code}`, { headers: foreign })).status()).toBe(404);
    expect(
      (
        await request.post(`/api/v1/dossiers/${dossier.code}/transitions`, {
          headers: foreign,
          data: { to: "appraising" },
        })
      ).status(),
    ).toBe(404);
    expect((await request.get(`/api/v1/dossiers/${dossier.code}`)).status()).toBe(401);

    const doc = await request.get("/api/v1/openapi.json");
    expect(Object.keys((await doc.json()).paths)).toContain("/dossiers/{code}/transitions");
  },
);

test("revoking a key in the UI locks the software out at once", async ({ page, request }) => {
  const key = await createKeyInUi(page, "Khóa sẽ thu hồi", CENTRE);
  const auth = { authorization: `Bearer ${key}` };
  expect((await request.get("/api/v1/dossiers/H27.37-000000-0000", { headers: auth })).status()).toBe(404);
  await page.reload();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Thu hồi Khóa sẽ thu hồi" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "Khóa sẽ thu hồi" })).toContainText("Đã thu hồi");
  expect((await request.get("/api/v1/dossiers/H27.37-000000-0000", { headers: auth })).status()).toBe(401);
});
