import { expect, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

/** A fresh e-mail address per test run, so runs never collide on a shared database. */
export function freshEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.kz`;
}

/** Opens the newest message to `email` in the development mailbox and returns its page. */
export async function openNewestMail(page: Page, email: string, subject: RegExp): Promise<void> {
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: subject }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Signs in as a person through the e-mailed link, as a person would; optionally scans each page. */
export async function signInByEmail(page: Page, email: string, options: { scan?: boolean } = {}): Promise<void> {
  await page.goto("/sign-in");
  if (options.scan) await expectNoSeriousAxeViolations(page);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  if (options.scan) await expectNoSeriousAxeViolations(page);
  await openNewestMail(page, email, /sign-in link/i);
  if (options.scan) await expectNoSeriousAxeViolations(page);
  await page.getByRole("link", { name: /sign-in\/confirm/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirm sign-in" })).toBeVisible();
  if (options.scan) await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: new RegExp(email.split("@")[0].replace(/[.]/g, "\\.") + "|Signed in as", "i") }).first()).toBeVisible();
}

/** A fresh browser context (English) signed in as `email`: one person, their own cookies. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}
