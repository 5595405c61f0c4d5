import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, openNewestMail, signInByEmail } from "./support/people";
import { confirmFromMailbox, fillSignForm, signAndConfirm } from "./support/signing";

async function setRules(page: Page, rules: { supporters: string; cityAkimat: string }) {
  await page.goto("/admin/settings");
  await page.getByLabel("Supporters needed before moderation").fill(rules.supporters);
  await page.getByLabel("Threshold kind for City akimat").selectOption({ label: "Absolute number" });
  await page.getByLabel("Threshold for City akimat", { exact: true }).fill(rules.cityAkimat);
  await page.getByRole("button", { name: "Save petition rules" }).click();
  await expect(page.getByText(/petition rules have been saved|already in force/)).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("Dana's petition gathers support, passes moderation, and its signatures start the akimat's clock", async ({ browser }) => {
  test.setTimeout(300_000);
  // An admin lowers the numbers so a handful of people can play the whole story.
  const adminContext = await browser.newContext({ locale: "en-GB" });
  const admin = await adminContext.newPage();
  await signInByEmail(admin, "admin@demo.birge.kz");
  await setRules(admin, { supporters: "2", cityAkimat: "3" });

  // Dana starts the petition.
  const danaContext = await browser.newContext({ locale: "en-GB" });
  const dana = await danaContext.newPage();
  await signInByEmail(dana, freshEmail("dana"));
  await dana.goto("/petitions/new");
  await expectNoSeriousAxeViolations(dana);
  const title = `Light the footpaths of Zhastar park ${Date.now().toString(36)}`;
  await dana.getByLabel("Title").fill(title);
  await dana.getByLabel("What the petition asks").fill("Install street lights along every footpath of Zhastar park.");
  await dana.getByLabel("Why").fill("The park is dark from five in the evening in winter and people are afraid to cross it.");
  await dana.getByLabel("State body").selectOption({ label: "Akimat of Astana" });
  await dana.getByRole("button", { name: "Save draft" }).click();
  await expect(dana.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoSeriousAxeViolations(dana);
  await dana.getByRole("button", { name: "Submit and start gathering support" }).click();
  await expect(dana.getByText("Submitted.")).toBeVisible();
  const privateLink = await dana.getByLabel("Private link to share").inputValue();
  expect(privateLink).toContain("support=");
  const number = new URL(privateLink).pathname.split("/").pop()!;

  // Without the private link the petition is not there.
  const visitor = await browser.newPage({ locale: "en-GB" });
  expect((await visitor.goto(`/petitions/${number}`))?.status()).toBe(404);
  await visitor.close();

  // Two supporters sign through the private link and confirm from the mailbox.
  const privatePath = new URL(privateLink).pathname + new URL(privateLink).search;
  await signAndConfirm(browser, privatePath, "Arman Seitkali");
  await signAndConfirm(browser, privatePath, "Madina Omarova");

  // A moderator approves it.
  const moderatorContext = await browser.newContext({ locale: "en-GB" });
  const moderator = await moderatorContext.newPage();
  await signInByEmail(moderator, "moderator@demo.birge.kz");
  await moderator.goto("/moderation");
  await expectNoSeriousAxeViolations(moderator);
  await moderator.getByRole("link", { name: title }).click();
  await expectNoSeriousAxeViolations(moderator);
  await moderator.getByRole("button", { name: "Approve and open for signatures" }).click();
  await expect(moderator.getByText(`Petition No. ${number} is open for signatures`)).toBeVisible();

  // The public signs; the third confirmed signature reaches the akimat's threshold.
  const publicContext = await browser.newContext({ locale: "en-GB" });
  const publicPage = await publicContext.newPage();
  await publicPage.goto(`/petitions/${number}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoSeriousAxeViolations(publicPage);
  await signAndConfirm(browser, `/petitions/${number}`, "Saule Bekova");
  await publicPage.reload();
  await expect(publicPage.getByText(/3 signatures/).first()).toBeVisible();
  await expect(publicPage.getByText(/Answer due by/).first()).toBeVisible();

  // The akimat's staff are told by e-mail.
  // The staff account reads Russian: match the subject in any of the three languages.
  await openNewestMail(publicPage, "agency.staff@demo.birge.kz", /requires an answer|Требуется ответ|жауап беру қажет/);
  await expect(publicPage.getByText(title)).toBeVisible();

  // Bad input stands next to its field; a second signature is answered the same way and counted once.
  await publicPage.goto(`/petitions/${number}`);
  await fillSignForm(publicPage, { name: "=HYPERLINK(1)", email: "not-an-address" });
  await expect(publicPage.getByText("A name cannot start with =, +, - or @").first()).toBeVisible();
  await expect(publicPage.getByText(/Enter an e-mail address in the right format/).first()).toBeVisible();
  const repeatEmail = freshEmail("repeat");
  await publicPage.reload();
  await fillSignForm(publicPage, { name: "Timur Kim", email: repeatEmail });
  await expect(publicPage.getByText("Check your e-mail")).toBeVisible();
  await confirmFromMailbox(publicPage, repeatEmail);
  await publicPage.goto(`/petitions/${number}`);
  await fillSignForm(publicPage, { name: "Timur Kim", email: repeatEmail.toUpperCase() });
  await expect(publicPage.getByText("Check your e-mail")).toBeVisible();
  await openNewestMail(publicPage, repeatEmail.toUpperCase(), /already signed/);
  await publicPage.goto(`/petitions/${number}`);
  await expect(publicPage.getByText(/4 signatures/).first()).toBeVisible();

  await setRules(admin, { supporters: "50", cityAkimat: "2500" });
  for (const context of [adminContext, danaContext, moderatorContext, publicContext]) await context.close();
});

test("a moderator rejects a petition with a reason that everyone can read", async ({ browser }) => {
  test.setTimeout(240_000);
  const adminContext = await browser.newContext({ locale: "en-GB" });
  const admin = await adminContext.newPage();
  await signInByEmail(admin, "admin@demo.birge.kz");
  await setRules(admin, { supporters: "1", cityAkimat: "2500" });

  const creatorContext = await browser.newContext({ locale: "en-GB" });
  const creator = await creatorContext.newPage();
  await signInByEmail(creator, freshEmail("yerlan"));
  await creator.goto("/petitions/new");
  const title = `Rename every street after me ${Date.now().toString(36)}`;
  await creator.getByLabel("Title").fill(title);
  await creator.getByLabel("What the petition asks").fill("Rename every street of Astana after the author of this petition.");
  await creator.getByLabel("Why").fill("Because it would be nice for the author and his family.");
  await creator.getByLabel("State body").selectOption({ label: "Akimat of Astana" });
  await creator.getByRole("button", { name: "Save draft" }).click();
  await creator.getByRole("button", { name: "Submit and start gathering support" }).click();
  const privateLink = await creator.getByLabel("Private link to share").inputValue();
  await signAndConfirm(browser, new URL(privateLink).pathname + new URL(privateLink).search, "Olga Ivanova");
  const number = new URL(privateLink).pathname.split("/").pop()!;

  const moderatorContext = await browser.newContext({ locale: "en-GB" });
  const moderator = await moderatorContext.newPage();
  await signInByEmail(moderator, "moderator@demo.birge.kz");
  await moderator.goto(`/moderation/petitions/${number}`);
  await moderator.getByLabel("Reason", { exact: true }).selectOption({ label: "The request is unclear" });
  await moderator.getByLabel("Note to the creator (optional)").fill("A petition must ask a state body for a decision within its powers.");
  await moderator.getByRole("button", { name: "Reject petition" }).click();
  await expect(moderator.getByText(`Petition No. ${number} was rejected`)).toBeVisible();

  const visitor = await browser.newPage({ locale: "en-GB" });
  await visitor.goto(`/petitions/${number}`);
  await expect(visitor.getByText("The request is unclear").first()).toBeVisible();
  await expect(visitor.getByText("A petition must ask a state body for a decision within its powers.")).toBeVisible();
  await expect(visitor.getByRole("form", { name: "Sign this petition" })).toHaveCount(0);

  await setRules(admin, { supporters: "50", cityAkimat: "2500" });
  for (const context of [adminContext, creatorContext, moderatorContext]) await context.close();
});
