import { expect, test, type Browser } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, openNewestMail, signInByEmail } from "./support/people";
import { confirmFromMailbox } from "./support/signing";

// Aruzhan starts a petition and shares its private link. Her supporters sign, each choosing how
// their name shows; the petition's page lists the latest of them that way, and never an e-mail
// address. Aruzhan's own page counts "N of 50, M working days left", and a digest e-mail tells
// her how support is going without her having to look.

/** A supporter signs at the private link, choosing how their name shows, and confirms from the mailbox. */
async function supporterSigns(browser: Browser, privatePath: string, name: string, display?: string) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const email = freshEmail(name.split(" ")[0].toLowerCase().replace(/[^a-z]/g, "") || "signer");
  await page.goto(privatePath);
  const form = page.getByRole("form", { name: "Sign this petition" });
  await form.getByLabel("Full name").fill(name);
  await form.getByLabel("E-mail address").fill(email);
  await form.getByLabel("Region where you live").selectOption("astana");
  // The default is the first name and the surname's initial.
  await expect(form.getByLabel("Show my name on the petition as")).toHaveValue("initials");
  if (display) await form.getByLabel("Show my name on the petition as").selectOption({ label: display });
  await form.getByLabel(/I agree to the processing/).check();
  await form.getByRole("button", { name: "Sign this petition" }).click();
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await confirmFromMailbox(page, email);
  return { page, email, context };
}

test("Aruzhan hears how support is going, and her supporters are listed by the names they chose", async ({ browser }) => {
  test.setTimeout(300_000);
  const creator = await (await browser.newContext({ locale: "en-GB" })).newPage();
  const creatorEmail = freshEmail("aruzhan");
  await signInByEmail(creator, creatorEmail);
  await creator.goto("/petitions/new");
  const title = `Light the footpaths of Central Park ${Date.now().toString(36)}`;
  await creator.getByLabel("Title").fill(title);
  await creator.getByLabel("What the petition asks").fill("Put street lights along every footpath of Central Park.");
  await creator.getByLabel("Why").fill("The paths are dark from five in the evening in winter and people fall on the ice.");
  await creator.getByLabel("State body").selectOption({ label: "Akimat of Astana" });
  await creator.getByRole("button", { name: "Save draft" }).click();
  await creator.getByRole("button", { name: "Submit and start gathering support" }).click();
  const privateLink = new URL(await creator.getByLabel("Private link to share").inputValue());
  const privatePath = privateLink.pathname + privateLink.search;
  const number = privateLink.pathname.split("/").pop()!;
  // Her countdown: no supporters yet, the ten working days of the support period ahead.
  await expect(creator.getByText("0 of 50 supporters, 10 working days left")).toBeVisible();

  const asel = await supporterSigns(browser, privatePath, "Асель Нурланқызы");
  const arman = await supporterSigns(browser, privatePath, "Arman Seitkali", "Do not show my name");
  const madina = await supporterSigns(browser, privatePath, "Madina Omarova", "Full name");

  // The page after Madina confirms lists the latest signers, newest first, each as they chose.
  const signers = madina.page.getByRole("region", { name: "Latest signers" });
  await expect(signers.getByRole("listitem")).toHaveCount(3);
  await expect(signers.getByRole("listitem").nth(0)).toContainText("Madina Omarova");
  await expect(signers.getByRole("listitem").nth(1)).toContainText("A signer who chose not to be named");
  await expect(signers.getByRole("listitem").nth(2)).toContainText("Асель Н.");
  await expect(signers).not.toContainText("Seitkali");
  await expect(signers).not.toContainText("Нурланқызы");
  for (const email of [asel.email, arman.email, madina.email]) await expect(madina.page.getByText(email)).toHaveCount(0);
  await expectNoSeriousAxeViolations(madina.page);
  // On a phone the list still reads, without sideways scrolling.
  await madina.page.setViewportSize({ width: 390, height: 844 });
  await signers.scrollIntoViewIfNeeded();
  expect(await madina.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAxeViolations(madina.page);

  // Her own page counts them.
  await creator.goto(`/my/petitions/${number}`);
  await expect(creator.getByText("3 of 50 supporters, 10 working days left")).toBeVisible();
  await expectNoSeriousAxeViolations(creator);

  // The digest job (every minute) mails her how support is going, in her account's language
  // (Kazakh, the default: she never chose another), whatever language she browses in.
  await expect(async () => {
    await openNewestMail(creator, creatorEmail, /^Қолдаушылар: \d \/ 50 — /);
  }).toPass({ timeout: 120_000 });
  await expect(creator.getByText(/петицияңызды \d адам қолдап, растады/)).toBeVisible();
  await expect(creator.getByText(/10 жұмыс күні қалды/)).toBeVisible();
  await expect(creator.getByRole("link", { name: new RegExp(`/my/petitions/${number}$`) })).toBeVisible();

  for (const person of [asel, arman, madina]) await person.context.close();
});
