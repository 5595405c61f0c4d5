import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, openNewestMail, signInByEmail } from "./support/people";
import { fillSignForm } from "./support/signing";

// Supporters of a new petition sign through the creator's private link. Each, after pressing
// "Confirm my signature", lands on the private page told their place; once the petition has its
// supporters, the link, the creator and the supporters see that moderators are checking it, and
// a supporter who confirms too late is told exactly that.

async function setSupporters(page: Page, supporters: string) {
  await page.goto("/admin/settings");
  await page.getByLabel("Supporters needed before moderation").fill(supporters);
  await page.getByRole("button", { name: "Save petition rules" }).click();
  await expect(page.getByText(/petition rules have been saved|already in force/)).toBeVisible();
}

/** A supporter signs at the private link in a context of their own; returns their page and address. */
async function supporterSigns(browser: Browser, privatePath: string, name: string) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const email = freshEmail(name.split(" ")[0].toLowerCase());
  await page.goto(privatePath);
  await fillSignForm(page, { name, email });
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  return { page, email };
}

async function pressConfirmFromMail(page: Page, email: string) {
  await openNewestMail(page, email, /Confirm your signature/);
  await page.getByRole("link", { name: /\/signatures\/\d+\/confirm/ }).click();
  await page.getByRole("button", { name: "Confirm my signature" }).click();
}

test("Aruzhan's supporters land on her private page, and see it is being checked once it has them", async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await signInByEmail(admin, "admin@demo.birge.kz");
  await setSupporters(admin, "2");

  try {
    const creator = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await signInByEmail(creator, freshEmail("aruzhan"));
    await creator.goto("/petitions/new");
    const title = `Shade the bus stops of Abay avenue ${Date.now().toString(36)}`;
    await creator.getByLabel("Title").fill(title);
    await creator.getByLabel("What the petition asks").fill("Put a roof over every bus stop of Abay avenue.");
    await creator.getByLabel("Why").fill("People wait in the sun at forty degrees in summer and in the snow in winter.");
    await creator.getByLabel("State body").selectOption({ label: "Akimat of Astana" });
    await creator.getByRole("button", { name: "Save draft" }).click();
    await creator.getByRole("button", { name: "Submit and start gathering support" }).click();
    const privateLink = new URL(await creator.getByLabel("Private link to share").inputValue());
    await expect(creator.getByText(/it needs enough confirmed supporters by \w+ \d{1,2}, \d{4}\./)).toBeVisible();
    const privatePath = privateLink.pathname + privateLink.search;
    const number = privateLink.pathname.split("/").pop()!;

    // Three people sign through the link; the first two confirm.
    const first = await supporterSigns(browser, privatePath, "Arman Seitkali");
    const second = await supporterSigns(browser, privatePath, "Madina Omarova");
    const late = await supporterSigns(browser, privatePath, "Yerlan Abenov");

    await pressConfirmFromMail(first.page, first.email);
    await expect(first.page).toHaveURL(/support=.*signed=confirmed/);
    await expect(first.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(first.page.getByText("You are supporter 1 of 2.")).toBeVisible();
    await expectNoSeriousAxeViolations(first.page);

    await pressConfirmFromMail(second.page, second.email);
    await expect(second.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(second.page.getByText("You are supporter 2 of 2.")).toBeVisible();
    // The second supporter made it: moderators check it now, with the day they decide by.
    await expect(second.page.getByText("Being checked by moderators")).toBeVisible();
    await expect(second.page.getByText(/will decide by .*\d{4}/)).toBeVisible();
    await expect(second.page.getByRole("form", { name: "Sign this petition" })).toHaveCount(0);
    await expect(second.page.getByText("Support must be gathered by")).toHaveCount(0);
    await expectNoSeriousAxeViolations(second.page);

    // The private link still opens it; the creator sees it by its number; a stranger does not.
    await first.page.goto(privatePath);
    await expect(first.page.getByText("Being checked by moderators")).toBeVisible();
    await creator.goto(`/petitions/${number}`);
    await expect(creator.getByText("Being checked by moderators")).toBeVisible();
    // Her own page says so too, with the days written in words, and leads to the petition's page.
    await creator.goto(`/my/petitions/${number}`);
    await expect(creator.getByText("Being checked by moderators")).toBeVisible();
    await expect(creator.getByText(/\d{4}-\d{2}-\d{2}/)).toHaveCount(0);
    await expectNoSeriousAxeViolations(creator);
    await creator.getByRole("link", { name: "View the petition's page" }).click();
    await expect(creator.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const stranger = await browser.newPage({ locale: "en-GB" });
    expect((await stranger.goto(`/petitions/${number}`))?.status()).toBe(404);
    await stranger.goto(`/petitions?q=${encodeURIComponent(title)}`);
    await expect(stranger.getByRole("link", { name: title })).toHaveCount(0);
    await stranger.close();

    // The third supporter comes to confirm too late: told why, not that the link is broken.
    await openNewestMail(late.page, late.email, /Confirm your signature/);
    await late.page.getByRole("link", { name: /\/signatures\/\d+\/confirm/ }).click();
    await expect(late.page.getByText(/already has the supporters it needed and is being checked by moderators/)).toBeVisible();
    await expect(late.page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
    await expect(late.page.getByText("This link is not valid")).toHaveCount(0);
    await expectNoSeriousAxeViolations(late.page);
  } finally {
    await setSupporters(admin, "50");
  }
});
