import { expect, test } from "@playwright/test";
import { freshEmail, openNewestMail, signInByEmail } from "./support/people";

// Login CSRF: someone asks for a sign-in link to their own address and plants it, hoping a
// visitor's browser completes it — the visitor would then act inside the attacker's account.

const port = Number(process.env.E2E_PORT || 3100);

/** The attacker's own link, read from the development mailbox: the token and address it carries. */
async function attackersLink(browser: import("@playwright/test").Browser): Promise<URL> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const email = freshEmail("attacker");
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await openNewestMail(page, email, /sign-in link/i);
  const href = await page.getByRole("link", { name: /sign-in\/confirm/ }).getAttribute("href");
  await context.close();
  return new URL(href!);
}

test("Dana, sent to an attacker's sign-in callback, is only shown the confirmation page and stays signed out", async ({ browser, page }) => {
  const link = await attackersLink(browser);
  const callback = `/api/auth/callback/email?token=${link.searchParams.get("token")}&email=${encodeURIComponent(link.searchParams.get("email")!)}`;
  await page.goto(callback);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm sign-in" })).toBeVisible();
  // The page names the account the button would sign into.
  await expect(page.getByText(link.searchParams.get("email")!)).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Another site's form posting the same token is refused (a page of no origin here).
  await page.goto("about:blank");
  await page.setContent(
    `<form method="post" action="http://localhost:${port}/api/auth/callback/email">` +
      `<input name="token" value="${link.searchParams.get("token")}"><input name="email" value="${link.searchParams.get("email")}">` +
      `<button>go</button></form>`,
  );
  const [answer] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "go" }).click()]);
  expect(answer?.status()).toBe(403);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("Yerlan, who opened the site at 127.0.0.1, signs in there by the e-mailed link", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", baseURL: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  const email = freshEmail("yerlan");
  await signInByEmail(page, email);
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${port}`);
  await context.close();
});

test("a sign-in link cannot send Marat off the site afterwards", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example");
  expect(await page.locator('input[name="callbackUrl"]').inputValue()).toBe("/");
  await page.goto("/sign-in?callbackUrl=%2F%5Cevil.example");
  expect(await page.locator('input[name="callbackUrl"]').inputValue()).toBe("/");
  await page.goto("/sign-in?callbackUrl=%2Fpetitions");
  expect(await page.locator('input[name="callbackUrl"]').inputValue()).toBe("/petitions");
});
