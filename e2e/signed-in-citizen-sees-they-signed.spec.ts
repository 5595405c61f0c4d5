import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, signInByEmail } from "./support/people";

// Gulnara is signed in and signs as herself: counted at once. Coming back she is told she has
// signed, on which day, in the page's language, with the way to withdraw — not the form again.

test("Gulnara signs while signed in and is told so whenever she comes back", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const list = (await (await request.get("/api/v1/petitions?state=open&perPage=1")).json()) as { data: Array<{ number: number }> };
  const number = list.data[0].number;
  const email = freshEmail("gulnara");
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signInByEmail(page, email);

  await page.goto(`/petitions/${number}`);
  const form = page.getByRole("form", { name: "Sign this petition" });
  await form.getByLabel("Full name").fill("Gulnara Ermekova");
  await expect(form.getByLabel("E-mail address")).toHaveValue(email);
  await form.getByLabel("Region where you live").selectOption("astana");
  await form.getByLabel(/I agree to the processing/).check();
  await form.getByRole("button", { name: "Sign this petition" }).click();
  await expect(page.getByText("Your signature is counted")).toBeVisible();

  await page.reload();
  await expect(page.getByText(/^You signed this petition on .*\d{4}\.$/)).toBeVisible();
  await expect(page.getByRole("form", { name: "Sign this petition" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign this petition" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // In Russian, the day is written the Russian way.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: page.url() }]);
  await page.reload();
  await expect(page.getByText(/^Вы подписали эту петицию \d{1,2} [а-я]+ \d{4} г\.$/)).toBeVisible();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();

  // Withdrawing from there brings the form back.
  await page.getByRole("link", { name: "Withdraw my signature" }).click();
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByText("Your signature has been withdrawn and no longer counts.")).toBeVisible();
  await page.goto(`/petitions/${number}`);
  await expect(page.getByRole("form", { name: "Sign this petition" })).toBeVisible();
  await context.close();
});
