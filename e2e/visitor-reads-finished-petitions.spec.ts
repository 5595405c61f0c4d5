import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, signInByEmail } from "./support/people";
import { signAndConfirm } from "./support/signing";

// Finished petitions read as finished, and addresses in people's texts are links that are safe
// to follow. Relies on the demo data (db/seed/petitions.ts): the Shymkent evening buses petition
// is answered; the rules are lowered to one supporter for the rejected petition's story.

async function setSupporters(page: Page, supporters: string) {
  await page.goto("/admin/settings");
  await page.getByLabel("Supporters needed before moderation").fill(supporters);
  await page.getByRole("button", { name: "Save petition rules" }).click();
  await expect(page.getByText(/petition rules have been saved|already in force/)).toBeVisible();
}

test("an answered petition says signing has ended and no longer counts towards a threshold", async ({ page }) => {
  await page.goto("/petitions?state=responded");
  await page.getByRole("link", { name: "Add evening bus routes to the new residential districts" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Add evening bus routes to the new residential districts" })).toBeVisible();
  const count = page.getByRole("region", { name: "Signatures", exact: true });
  await expect(count.getByText("Signing has ended")).toBeVisible();
  await expect(count.getByText("The addressee has answered this petition, and it no longer collects signatures.")).toBeVisible();
  await expect(page.getByText(/needed to oblige an answer/)).toHaveCount(0);
  await expect(count.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Sign this petition" })).toHaveCount(0);
  // Still worth sharing: the answer is public.
  await expect(page.getByRole("heading", { level: 2, name: "Share this petition" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("Yerlan's rejected petition shows its links safely and is not offered for sharing, and the moderator's note links too", async ({ browser }) => {
  test.setTimeout(240_000);
  const adminContext = await browser.newContext({ locale: "en-GB" });
  const admin = await adminContext.newPage();
  await signInByEmail(admin, "admin@demo.birge.kz");
  await setSupporters(admin, "1");

  const creatorContext = await browser.newContext({ locale: "en-GB" });
  const creator = await creatorContext.newPage();
  await signInByEmail(creator, freshEmail("yerlan"));
  await creator.goto("/petitions/new");
  const title = `Publish the bus timetables online ${Date.now().toString(36)}`;
  await creator.getByLabel("Title").fill(title);
  await creator.getByLabel("What the petition asks").fill("Publish every bus timetable of Astana at https://astana.gov.kz/transport.");
  await creator.getByLabel("Why").fill(
    "The law (https://adilet.zan.kz/rus/docs/Z1500000401) requires it. Questions: bus.info@example.kz. Not a link: javascript:alert(1)",
  );
  await creator.getByLabel("State body").selectOption({ label: "Akimat of Astana" });
  await creator.getByRole("button", { name: "Save draft" }).click();
  await creator.getByRole("button", { name: "Submit and start gathering support" }).click();
  const privateLink = await creator.getByLabel("Private link to share").inputValue();
  const number = new URL(privateLink).pathname.split("/").pop()!;

  // Through the private link, the texts already carry their links.
  await creator.goto(new URL(privateLink).pathname + new URL(privateLink).search);
  const request = creator.getByRole("region", { name: "What the petition asks" });
  const site = request.getByRole("link", { name: "https://astana.gov.kz/transport" });
  await expect(site).toHaveAttribute("href", "https://astana.gov.kz/transport");
  await expect(site).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(request).toContainText("https://astana.gov.kz/transport.");
  const reasons = creator.getByRole("region", { name: "Why it matters" });
  await expect(reasons.getByRole("link", { name: "https://adilet.zan.kz/rus/docs/Z1500000401" })).toHaveAttribute("href", "https://adilet.zan.kz/rus/docs/Z1500000401");
  await expect(reasons.getByRole("link", { name: "bus.info@example.kz" })).toHaveAttribute("href", "mailto:bus.info@example.kz");
  await expect(reasons.getByRole("link")).toHaveCount(2);
  await expect(reasons).toContainText("Not a link: javascript:alert(1)");

  await signAndConfirm(browser, new URL(privateLink).pathname + new URL(privateLink).search, "Olga Ivanova");

  const moderatorContext = await browser.newContext({ locale: "en-GB" });
  const moderator = await moderatorContext.newPage();
  await signInByEmail(moderator, "moderator@demo.birge.kz");
  await moderator.goto(`/moderation/petitions/${number}`);
  await moderator.getByLabel("Reason", { exact: true }).selectOption({ label: "The request is unclear" });
  await moderator.getByLabel("Note to the creator (optional)").fill("Timetables are already published, see https://www.astana.gov.kz/ru/transport).");
  await moderator.getByRole("button", { name: "Reject petition" }).click();
  await expect(moderator.getByText(`Petition No. ${number} was rejected`)).toBeVisible();

  const visitorContext = await browser.newContext({ locale: "en-GB" });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/petitions/${number}`);
  await expect(visitor.getByText("This petition was rejected")).toBeVisible();
  const note = visitor.getByRole("link", { name: "https://www.astana.gov.kz/ru/transport" });
  await expect(note).toHaveAttribute("href", "https://www.astana.gov.kz/ru/transport");
  await expect(note).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(visitor.getByRole("heading", { level: 2, name: "Share this petition" })).toHaveCount(0);
  await expect(visitor.getByRole("heading", { level: 2, name: "Signatures by region" })).toHaveCount(0);
  await expect(visitor.getByRole("heading", { level: 2, name: "Signatures over time" })).toHaveCount(0);
  await expect(visitor.getByText(/needed to oblige an answer|needed before moderation/)).toHaveCount(0);
  await expectNoSeriousAxeViolations(visitor);

  await setSupporters(admin, "50");
  for (const context of [adminContext, creatorContext, moderatorContext, visitorContext]) await context.close();
});
