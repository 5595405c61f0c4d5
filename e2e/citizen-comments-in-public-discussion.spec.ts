import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, signInByEmail } from "./support/people";

// Dana (owner of the verified demo NGO "Adal Qogam") plans an activity with a public
// discussion, opens it, and Aliya, a citizen, comments on a section. A person from outside the
// NGO sees no controls, and a replayed "open the discussion" post from them changes nothing.

const OWNER = "ngo.owner@demo.birge.kz";
const CITIZEN = "citizen@demo.birge.kz";

/** A calendar day in Almaty, `offset` days from today, as 'YYYY-MM-DD'. */
function almatyDay(offset = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByEmail(page, email);
  return page;
}

/** Creates an activity of the NGO with the discussion form, with a team, announced and started; returns its path. */
async function startActivityWithDiscussion(page: Page, title: string): Promise<string> {
  await page.goto("/activities/new");
  await page.getByLabel("Subject", { exact: true }).selectOption({ label: "Общественный фонд «Adal Qogam»" });
  await page.getByLabel("Object", { exact: true }).selectOption({ label: "Akimat of Astana" });
  await page.getByRole("checkbox", { name: "Public discussion" }).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Subject matter", { exact: true }).fill("The akimat's draft rules for the use of city parks, published for public comment.");
  await page.getByLabel("Goals", { exact: true }).fill("Collect residents' comments and proposals on the draft rules and pass them to the akimat.");
  await page.getByLabel("Planned start").fill(almatyDay(0));
  await page.getByLabel("Planned end").fill(almatyDay(60));
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const path = new URL(page.url()).pathname;

  await page.getByLabel("Name", { exact: true }).fill("Dana Zhumabekova");
  await page.getByLabel("Role in the team").fill("Coordinator");
  await page.getByLabel("Conflict-of-interest declaration").fill("I have no conflict of interest with the akimat.");
  await page.getByRole("button", { name: "Add team member" }).click();
  await expect(page.getByText("The team member is added.")).toBeVisible();

  await page.getByRole("button", { name: "Announce the activity" }).click();
  await expect(page.getByText("The activity is announced.")).toBeVisible();
  await page.getByRole("button", { name: "Start the activity" }).click();
  await expect(page.getByRole("button", { name: "Complete the activity" })).toBeVisible();
  return path;
}

test("Aliya comments on a section of Adal Qogam's public discussion; an outsider cannot change it", async ({ browser, baseURL }) => {
  const title = `Rules for city parks ${Date.now().toString(36)}`;
  const owner = await signedInPage(browser, OWNER);
  const activityPath = await startActivityWithDiscussion(owner, title);
  const discussionPath = `${activityPath}/forms/discussion`;

  // The NGO prepares the discussion; before it is sent, the form's fields are kept for the replay below.
  await owner.goto(discussionPath);
  await expect(owner.getByRole("heading", { level: 1, name: "Public discussion" })).toBeVisible();
  await expectNoSeriousAxeViolations(owner);
  const openForm = owner.locator("form", { has: owner.getByLabel("Draft text") });
  await owner.getByLabel("Title of the draft").fill("Draft rules for city parks");
  await owner.getByLabel("Closes on").fill(almatyDay(14));
  await owner.getByLabel("Draft text").fill(
    "Article 1. Opening hours\nParks are open from 7:00 to 23:00.\n\nArticle 2. Dogs\nDogs are walked on a leash in every park.",
  );
  const fields = await openForm.evaluate((form: HTMLFormElement) =>
    Array.from(new FormData(form).entries()).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as const] : [])),
  );

  // Someone outside the NGO sees no controls, and posting the form's fields as their own is refused.
  const outsider = await signedInPage(browser, freshEmail("outsider"));
  await outsider.goto(discussionPath);
  await expect(outsider.getByRole("heading", { level: 1, name: "Public discussion" })).toBeVisible();
  await expect(outsider.getByRole("button", { name: "Open the discussion" })).toHaveCount(0);
  const hijacked = Object.fromEntries(fields.map(([name, value]) => [name, name === "title" ? "Hijacked draft" : value]));
  const replay = await outsider.request.post(discussionPath, { multipart: hijacked, headers: { origin: baseURL! } });
  expect(replay.status()).toBeLessThan(500);
  await owner.reload();
  await expect(owner.getByRole("button", { name: "Open the discussion" })).toBeVisible();
  await expect(owner.getByText("Hijacked draft")).toHaveCount(0);

  // The NGO opens it for real.
  await owner.getByLabel("Title of the draft").fill("Draft rules for city parks");
  await owner.getByLabel("Closes on").fill(almatyDay(14));
  await owner.getByLabel("Draft text").fill(
    "Article 1. Opening hours\nParks are open from 7:00 to 23:00.\n\nArticle 2. Dogs\nDogs are walked on a leash in every park.",
  );
  await owner.getByRole("button", { name: "Open the discussion" }).click();
  await expect(owner.getByRole("heading", { level: 2, name: "Article 1. Opening hours" })).toBeVisible();
  await expect(owner.getByRole("heading", { level: 2, name: "Article 2. Dogs" })).toBeVisible();
  await expect(owner.getByText("Open for comments", { exact: true })).toBeVisible();

  // Aliya signs in, opens the first section's comment form and proposes new wording.
  const citizen = await signedInPage(browser, CITIZEN);
  await citizen.goto(discussionPath);
  const section = citizen.getByRole("region", { name: "Article 1. Opening hours" });
  await section.getByText('Comment or propose a change to "Article 1. Opening hours"').click();
  await section.getByLabel("Type").selectOption({ label: "Proposal to change the text" });
  await section.getByLabel("Your comment").fill("Runners start early: please open the parks at six.");
  await section.getByLabel("Proposed wording").fill("Parks are open from 6:00 to 23:00.");
  await section.getByRole("button", { name: "Post comment" }).click();
  await expect(section.getByText("Your comment has been posted.")).toBeVisible();
  await expect(section.getByText("Runners start early: please open the parks at six.")).toBeVisible();
  await expect(section.getByText("Parks are open from 6:00 to 23:00.")).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);

  // The outsider sees the discussion and the comment, but nothing to change them with.
  await outsider.goto(discussionPath);
  await expect(outsider.getByText("Runners start early: please open the parks at six.")).toBeVisible();
  await expect(outsider.getByText("Hijacked draft")).toHaveCount(0);
  await expect(outsider.getByRole("button", { name: /Open the discussion|Publish summary/ })).toHaveCount(0);
  await outsider.goto(activityPath);
  await expect(outsider.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(outsider.getByRole("button", { name: /Complete the activity|Announce the activity|Start the activity/ })).toHaveCount(0);

  for (const page of [owner, citizen, outsider]) await page.context().close();
});
