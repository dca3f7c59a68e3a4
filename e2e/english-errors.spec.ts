import { expect, test } from "@playwright/test";
import { storageStateOf } from "./users";

/* Issue 11: a refusal raised by the server reads in the interface's language, not in Vietnamese. */

test.use({ storageState: storageStateOf("receptionist") });

test("the intake form's field errors are English with the lang=en cookie", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.goto("/dossiers/new");
  await page.getByRole("button", { name: "Receive and print the slip" }).click();
  await expect(page.getByText("Choose the procedure.")).toBeVisible();
  await expect(page.getByText("Submitter's full name: required.")).toBeVisible();
  await expect(page.getByText("Họ tên người nộp: bắt buộc nhập.")).toHaveCount(0);
});
