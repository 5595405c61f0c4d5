import { expect, test } from "@playwright/test";
import { freshEmail, signInByEmail } from "./support/people";

test("a visitor is sent to sign in, and a signed-in citizen is refused every admin page", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in/);

  await signInByEmail(page, freshEmail("citizen"));
  for (const path of ["/admin", "/admin/agencies", "/admin/users", "/admin/calendar"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "You cannot open this page" })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
});

test("the admin pages answer a citizen with HTTP 403", async ({ page }) => {
  await signInByEmail(page, freshEmail("citizen403"));
  const response = await page.goto("/admin/agencies");
  expect(response?.status()).toBe(403);
});
