import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

// Letters only Vietnamese writes (tones, ă, â, đ, ê, ô, ơ, ư): none may appear in an English UI label.
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

// The UI's own words: headings, labels, buttons, column heads, navigation. Names of people, units and procedures
// (data) live in table cells, row heads and choice lists, which are left out, as is text marked lang="vi".
const LABELS = "h1, h2, h3, label, legend, thead th, button, nav a, [role=tab]";
const ADMIN_NAME = "Quản trị hệ thống";
// The Zalo and SMS consents keep their legal Vietnamese wording, glossed in English.
const CONSENTS = ["(status messages on Zalo)", "(SMS when the result is ready)"];

const staffPages = [
  "/",
  "/dossiers",
  "/dossiers/new",
  "/procedures",
  "/hoi-dap",
  "/announcements",
  "/followers",
  "/bao-cao",
  "/delivery",
  "/ho-tro-tai-nha",
  "/admin/staff",
  "/admin/units",
  "/admin/calendar",
  "/admin/audit",
  "/admin/zalo",
  "/admin/templates",
  "/admin/api-keys",
];

test.use({ storageState: storageStateOf("admin") });

test("with the English cookie, the staff pages show no Vietnamese label", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const found: string[] = [];
  for (const path of staffPages) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    const texts = await page.locator(LABELS).evaluateAll((els) =>
      els
        .filter((el) => !el.closest("td, [lang=vi]"))
        .map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll("select, [lang=vi]").forEach((inner) => inner.remove());
          return (copy.textContent ?? "").trim();
        }),
    );
    for (const text of texts) {
      if (CONSENTS.some((c) => text.includes(c))) continue;
      if (VIETNAMESE.test(text.replace(ADMIN_NAME, ""))) found.push(`${path}: ${text}`);
    }
  }
  expect(found).toEqual([]);
});
