import { expect, test } from "@playwright/test";
import { freshEmail, signedInPage } from "./support/people";

/** A valid BIN no earlier run used (as in ngo-runs-public-monitoring.spec.ts). */
function freshBin(): string {
  for (;;) {
    const body = `2406400${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
    const digits = [...body].map(Number);
    let k = digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
    if (k === 10) k = digits.reduce((sum, d, i) => sum + d * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i], 0) % 11;
    if (k !== 10) return `${body}${k}`;
  }
}

/** The script-src of a Content-Security-Policy header. */
function scriptSources(policy: string | undefined): string {
  return (policy ?? "").split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
}

test("a visitor's pages run their scripts under a policy without 'unsafe-inline', also when served from the page cache", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", "/", "/petitions", "/sign-in", "/agencies"]) {
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"];
    const scripts = scriptSources(policy);
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scripts).not.toContain("unsafe-inline");
    // Every inline script of the page carries the nonce its header allows (the page cache keeps both together).
    const nonce = scripts.match(/'nonce-([^']+)'/)![1];
    const html = await response!.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    // Hydration ran: React has attached itself to the page's DOM.
    await expect
      .poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? document.body).some((key) => key.startsWith("__react"))))
      .toBe(true);
  }
  expect(violations).toEqual([]);
});

test("a client-side form works under the policy: the sign-in form answers a wrong address next to the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.locator("#email-error").first()).toBeVisible();
});

test("an uploaded founding document is served with its own sandbox policy and as a download", async ({ browser }) => {
  const owner = await signedInPage(browser, freshEmail("csp-ngo"));
  await owner.goto("/organizations/register");
  const run = Date.now().toString().slice(-8);
  await owner.getByLabel("Name of the organization").fill(`Policy Watch ${run}`);
  await owner.getByLabel("BIN").fill(freshBin());
  await owner.getByLabel("Contact e-mail").fill(`office.${run}@example.kz`);
  await owner
    .getByLabel("Founding document")
    .setInputFiles({ name: "charter.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% Charter\n%%EOF\n") });
  await owner.getByRole("button", { name: "Register the organization" }).click();
  await expect(owner.getByText("Awaiting verification")).toBeVisible();
  const href = await owner.locator('a[href^="/files/"]').first().getAttribute("href");
  const file = await owner.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
});
