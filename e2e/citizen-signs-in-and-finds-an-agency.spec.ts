import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, signInByEmail } from "./support/people";

test("Aigerim signs in by the e-mailed link, names herself, switches to Kazakh and finds the Akimat of Astana", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Make your voice count" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const email = freshEmail("aigerim");
  await signInByEmail(page, email, { scan: true });

  await page.goto("/profile");
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Display name").fill("Aigerim S.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Aigerim S\./ })).toBeVisible();

  await page.getByRole("button", { name: "Қазақша" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");

  await page.goto("/agencies");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("searchbox").fill("Астана");
  await page.getByRole("searchbox").press("Enter");
  await page.getByRole("link", { name: "Астана қаласының әкімдігі" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Астана қаласының әкімдігі" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Akimat of Astana" })).toBeVisible();

  await page.goto("/profile");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a first visit is answered in the browser's language, Kazakh when it speaks none of ours", async ({ browser }) => {
  for (const [acceptLanguage, lang] of [
    ["ru-RU,ru;q=0.9", "ru"],
    ["de-DE", "kk"],
  ] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: { "accept-language": acceptLanguage }, locale: undefined });
    const page = await context.newPage();
    await page.goto("/agencies");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await context.close();
  }
});
