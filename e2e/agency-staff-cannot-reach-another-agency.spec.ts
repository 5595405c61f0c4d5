import { expect, test, type Page } from "@playwright/test";
import { freshEmail, signedInPage } from "./support/people";

// Staff of one agency cannot see or touch another agency's inbox, items or export: every such
// address answers 404, exactly like one that does not exist. An admin makes a fresh person staff
// of the Akimat of Almaty; the demo staff member works for the Akimat of Astana.

const ASTANA_STAFF = "agency.staff@demo.birge.kz";
const ADMIN = "admin@demo.birge.kz";

/** The dashboard addresses of the first item in a person's inbox (answered ones too): the inbox and the item. */
async function firstItemOf(page: Page): Promise<{ inbox: string; item: string }> {
  await page.goto("/agency");
  await expect(page).toHaveURL(/\/agency\/[^/?]+$/);
  const inbox = new URL(page.url()).pathname;
  await page.goto(`${inbox}?view=all`);
  const item = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  expect(item).toMatch(/^\/agency\/[^/]+\/items\//);
  return { inbox, item: item! };
}

test("a member of another agency's staff gets 404 for the Akimat of Astana's inbox, items and CSV, and the reverse", async ({ browser }) => {
  test.setTimeout(300_000);
  // A fresh person signs in once, so that the admin can add them.
  const almatyEmail = freshEmail("almaty.staff");
  const almaty = await signedInPage(browser, almatyEmail);
  const admin = await signedInPage(browser, ADMIN);
  await admin.goto("/admin/agencies?q=Akimat%20of%20Almaty");
  await admin.getByRole("link", { name: "Akimat of Almaty — edit", exact: true }).click();
  await admin.getByLabel("E-mail address").fill(almatyEmail);
  await admin.getByLabel("Role", { exact: true }).selectOption("staff");
  await admin.getByRole("button", { name: "Add person" }).click();
  await expect(admin.getByText("The person has been added to the agency.")).toBeVisible();

  const astana = await signedInPage(browser, ASTANA_STAFF);
  const astanaPaths = await firstItemOf(astana);
  const almatyPaths = await firstItemOf(almaty);
  await expect(almaty.getByRole("heading", { level: 1, name: "Akimat of Almaty" })).toBeVisible();
  expect(almatyPaths.inbox).not.toBe(astanaPaths.inbox);

  for (const [page, other] of [
    [almaty, astanaPaths],
    [astana, almatyPaths],
  ] as const) {
    for (const path of [other.inbox, other.item, `${other.inbox}/templates`, `${other.inbox}?view=all`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
    // The other agency's item through one's own inbox address is no better.
    const own = page === almaty ? almatyPaths.inbox : astanaPaths.inbox;
    const borrowed = other.item.replace(other.inbox, own);
    expect((await page.goto(borrowed))?.status(), borrowed).toBe(404);
    expect((await page.request.get(`/api/${other.inbox.slice(1)}/inbox.csv`)).status()).toBe(404);
  }

  // Their own export works.
  const csv = await astana.request.get(`/api/${astanaPaths.inbox.slice(1)}/inbox.csv?view=all`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  // Signed out, the export is not found either.
  const anonymous = await (await browser.newContext()).request.get(`/api/${astanaPaths.inbox.slice(1)}/inbox.csv`);
  expect(anonymous.status()).toBe(404);

  for (const page of [almaty, admin, astana]) await page.context().close();
});
