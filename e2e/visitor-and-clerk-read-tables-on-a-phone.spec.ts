import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { signInByEmail } from "./support/people";

// Tables that fit: on a 390 px phone and at 1366 px in Kazakh (long words), the league table keeps
// the agency and its on-time share in view, and the agency inbox keeps each item's title, due
// day, working days left and status in view; an item due the next working day says so in words.
// The phone header folds the main links behind a "Menu" button. Relies on the seeded agencies
// ranked on the league table and the seeded request to the Akimat of Astana due the next working
// day (db/seed/lived-in.ts).

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const STAFF = "agency.staff@demo.birge.kz";

/** The element is drawn inside the viewport's width: no sideways scrolling needed to see it. */
async function expectWithinWidth(locator: Locator, width: number, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} starts inside the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends inside the ${width} px screen`).toBeLessThanOrEqual(width + 0.5);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page itself does not scroll sideways").toBeLessThanOrEqual(0);
}

async function expectLeagueTableFits(page: Page, width: number): Promise<void> {
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = Math.min(await rows.count(), 3);
  for (let i = 0; i < count; i++) {
    await expectWithinWidth(rows.nth(i).locator("th"), width, `agency of row ${i + 1}`);
    await expectWithinWidth(rows.nth(i).locator("td").nth(1), width, `on-time share of row ${i + 1}`);
  }
  await expectNoSidewaysScroll(page);
}

async function expectInboxFits(page: Page, width: number): Promise<void> {
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = Math.min(await rows.count(), 3);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    await expectWithinWidth(row.locator("th"), width, `item of row ${i + 1}`);
    for (const [index, name] of ["due day", "working days left", "status"].entries()) {
      await expectWithinWidth(row.locator("td").nth(index), width, `${name} of row ${i + 1}`);
    }
  }
  await expectNoSidewaysScroll(page);
}

test("Nurlan reads the league table on his phone and finds his way with the menu; in Kazakh on a laptop it fits too", async ({ browser }) => {
  const phone = await browser.newContext({ locale: "en-GB", viewport: PHONE });
  const page = await phone.newPage();
  await page.goto("/scorecards");
  await expect(page.getByRole("heading", { level: 1, name: "Agency scorecards" })).toBeVisible();

  // The main links are folded behind a menu button; it opens and closes from the keyboard.
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Petitions" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Public control" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Space");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expectNoSeriousAxeViolations(page);

  // Ranked agencies with their on-time share, each row readable without sideways scrolling.
  await expect(page.locator("main table tbody tr").first().locator("td").first()).toHaveText(/1/);
  await expectLeagueTableFits(page, PHONE.width);
  await expectNoSeriousAxeViolations(page);

  // A link in the menu works and the next page starts with the menu folded.
  await nav.getByRole("link", { name: "Petitions" }).click();
  await expect(page).toHaveURL(/\/petitions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Petitions" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await phone.close();

  // Without JavaScript there is no dead button: the links are simply listed.
  const noScript = await browser.newContext({ locale: "en-GB", viewport: PHONE, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/scorecards");
  await expect(plain.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(plain.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Petitions" })).toBeVisible();
  await noScript.close();

  // In Kazakh at 1366 px, long headings wrap rather than push the key columns off screen.
  const laptop = await browser.newContext({ locale: "kk-KZ", viewport: DESKTOP });
  const kk = await laptop.newPage();
  await kk.goto("/scorecards");
  await expect(kk.locator("html")).toHaveAttribute("lang", "kk");
  await expect(kk.getByRole("button", { name: "Мәзір" })).toBeHidden();
  await expectLeagueTableFits(kk, DESKTOP.width);
  await expectNoSeriousAxeViolations(kk);
  await laptop.close();
});

test("Yerlan at the Akimat of Astana works his inbox on a phone and in Kazakh; the item due next working day stands out", async ({ browser }) => {
  const phone = await browser.newContext({ locale: "en-GB", viewport: PHONE });
  const page = await phone.newPage();
  await signInByEmail(page, STAFF);
  await page.goto("/agency");
  await expect(page).toHaveURL(/\/agency\/[^/?]+$/);
  const inbox = page.url();
  await expectInboxFits(page, PHONE.width);
  // Due the next working day: a badge in words, not only a colour.
  const dueSoon = page.locator("main table tbody tr", { hasText: "Information request No. 2 of activity" });
  await expect(dueSoon.getByText("Due next working day")).toBeVisible();
  await expectWithinWidth(dueSoon.getByText("Due next working day"), PHONE.width, "the due-soon badge");
  await expectNoSeriousAxeViolations(page);

  // The same inbox in Kazakh on a laptop.
  await page.setViewportSize(DESKTOP);
  await page.getByRole("button", { name: "Қазақша" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await page.goto(inbox);
  await expectInboxFits(page, DESKTOP.width);
  await expect(page.locator("main table tbody tr").getByText("Мерзімі — келесі жұмыс күні").first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await phone.close();
});
