import { expect, type Browser, type Page } from "@playwright/test";
import { freshEmail, openNewestMail } from "./people";

/** Fills and sends the sign form on the page that is open. */
export async function fillSignForm(page: Page, person: { name: string; email: string; region?: string }): Promise<void> {
  const form = page.getByRole("form", { name: "Sign this petition" });
  await form.getByLabel("Full name").fill(person.name);
  await form.getByLabel("E-mail address").fill(person.email);
  await form.getByLabel("Region where you live").selectOption(person.region ?? "astana");
  await form.getByLabel(/I agree to the processing/).check();
  await form.getByRole("button", { name: "Sign this petition" }).click();
}

/** Confirms a signature from the newest confirmation e-mail to `email`, as the signer would. */
export async function confirmFromMailbox(page: Page, email: string): Promise<void> {
  await openNewestMail(page, email, /Confirm your signature/);
  await page.getByRole("link", { name: /\/signatures\/\d+\/confirm/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your signature" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page).toHaveURL(/signed=confirmed/);
}

/** A new person, in a context of their own, signs at `url` and confirms from the mailbox. */
export async function signAndConfirm(browser: Browser, url: string, name: string): Promise<string> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const email = freshEmail(name.split(" ")[0].toLowerCase());
  await page.goto(url);
  await fillSignForm(page, { name, email });
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await confirmFromMailbox(page, email);
  await context.close();
  return email;
}
