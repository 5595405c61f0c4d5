import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, openNewestMail, signedInPage } from "./support/people";

// An NGO registers, a moderator verifies it, and the NGO runs public monitoring of the Akimat of
// Astana from announcement to the final document with three recommendations. A member of another
// NGO sees all of it and can change none of it.
// Depends on the monitoring form at /activities/[number]/forms/monitoring (public control B):
// a file input labelled "Evidence files" and a "Record observation" button.
// The "citizen comments in a public discussion" part is e2e/citizen-comments-in-public-discussion.spec.ts.

const MODERATOR = "moderator@demo.birge.kz";
const AKIMAT_STAFF = "agency.staff@demo.birge.kz";
/** A member of the demo NGO "Adal Qogam": another organization's member. */
const OTHER_NGO_MEMBER = "ngo.member@demo.birge.kz";

/** A valid BIN no earlier run used: YYMM, type 4, attribute 0, five random digits, check digit. */
function freshBin(): string {
  for (;;) {
    const body = `2406400${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
    const digits = [...body].map(Number);
    let k = digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
    if (k === 10) k = digits.reduce((sum, d, i) => sum + d * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i], 0) % 11;
    if (k !== 10) return `${body}${k}`;
  }
}

/** A calendar day in Almaty, `offset` days from today, as 'YYYY-MM-DD'. */
function almatyDay(offset = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

const PDF = { name: "charter.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% Charter of the public foundation\n%%EOF\n") };
// A 1×1 PNG.
const PHOTO = {
  name: "canteen.png",
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64"),
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("an NGO registers, is verified, monitors the akimat and sends a final document with three recommendations", async ({ browser }) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const ngoName = `Public Foundation Open City ${run}`;
  const title = `Monitoring of school canteens in Astana ${run}`;

  // The founder registers the NGO with its founding document.
  const founderEmail = freshEmail("ngo-founder");
  const owner = await signedInPage(browser, founderEmail);
  await owner.goto("/organizations/register");
  await expectNoSeriousAxeViolations(owner);
  await owner.getByLabel("Name of the organization").fill(ngoName);
  await owner.getByLabel("BIN").fill("12345");
  await owner.getByLabel("Contact e-mail").fill(`office.${run}@example.kz`);
  await owner.getByLabel("Founding document").setInputFiles(PDF);
  await owner.getByRole("button", { name: "Register the organization" }).click();
  await expect(owner.getByRole("link", { name: "Enter the BIN as 12 digits" })).toBeVisible();
  await owner.getByLabel("BIN").fill(freshBin());
  await owner.getByLabel("Founding document").setInputFiles(PDF);
  await owner.getByRole("button", { name: "Register the organization" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: ngoName })).toBeVisible();
  await expect(owner.getByText("Awaiting verification")).toBeVisible();
  await expectNoSeriousAxeViolations(owner);
  const organizationSlug = new URL(owner.url()).pathname.split("/").pop()!;

  // A moderator checks the founding document and verifies the NGO.
  const moderator = await signedInPage(browser, MODERATOR);
  await moderator.goto("/moderation/organizations");
  await expect(moderator.getByRole("heading", { level: 2, name: ngoName })).toBeVisible();
  await expectNoSeriousAxeViolations(moderator);
  await moderator.getByRole("button", { name: `Verify ${ngoName}` }).click();
  await expect(moderator.getByText(`${ngoName} is verified.`)).toBeVisible();
  const founderMail = await browser.newPage({ locale: "en-GB" });
  // Mail goes out in the person's language, so the subject is matched by the name it carries.
  await openNewestMail(founderMail, founderEmail, new RegExp(escapeRegExp(ngoName)));
  await founderMail.close();

  // The NGO plans monitoring of the Akimat of Astana.
  await owner.goto("/activities/new");
  await expectNoSeriousAxeViolations(owner);
  await owner.getByLabel("Subject", { exact: true }).selectOption({ label: ngoName });
  await owner.getByLabel("Object", { exact: true }).selectOption({ label: "Akimat of Astana" });
  await owner.getByRole("checkbox", { name: "Public monitoring" }).check();
  await owner.getByLabel("Title").fill(title);
  await owner.getByLabel("Subject matter").fill("How contractors of the akimat feed pupils in the canteens of city schools.");
  await owner.getByLabel("Goals").fill("Check portions, hygiene and delivery times against the contracts.");
  await owner.getByLabel("Planned start").fill(almatyDay(0));
  await owner.getByLabel("Planned end").fill(almatyDay(30));
  await owner.getByRole("button", { name: "Create draft" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const activityPath = new URL(owner.url()).pathname;
  const number = activityPath.split("/").pop()!;

  // Drafts are invisible to others.
  const outsider = await signedInPage(browser, OTHER_NGO_MEMBER);
  expect((await outsider.goto(activityPath))?.status()).toBe(404);

  await owner.getByLabel("Name", { exact: true }).fill("Aliya Nurlanovna");
  await owner.getByLabel("Role in the team").fill("Team lead");
  await owner.getByLabel("Conflict-of-interest declaration").fill("I have no ties to the akimat or to its catering contractors.");
  await owner.getByRole("button", { name: "Add team member" }).click();
  await expect(owner.getByText("The team member is added.")).toBeVisible();
  await expectNoSeriousAxeViolations(owner);

  await owner.getByRole("button", { name: "Announce the activity" }).click();
  await expect(owner.getByText("The activity is announced. The state body has been told.")).toBeVisible();
  const staffMail = await browser.newPage({ locale: "en-GB" });
  await openNewestMail(staffMail, AKIMAT_STAFF, new RegExp(escapeRegExp(title)));
  await staffMail.close();
  await owner.getByRole("button", { name: "Start the activity" }).click();
  await expect(owner.getByText("The activity has started.")).toBeVisible();

  // Observations with a photo, on the monitoring form.
  await owner.goto(`${activityPath}/forms/monitoring`);
  await owner.getByLabel("Place").fill("School No. 45, canteen");
  await owner.getByLabel("Observation", { exact: true }).fill("Portions weighed 180 g against the 250 g in the contract.");
  await owner.getByLabel("Evidence files").setInputFiles(PHOTO);
  await owner.getByRole("button", { name: "Record observation" }).click();
  await expect(owner.getByText("The observation has been recorded.")).toBeVisible();

  // An information request, with its 15-working-day clock.
  await owner.goto(activityPath);
  await owner.getByLabel("Your question").fill("Please send the catering contracts for city schools for 2025.");
  await owner.getByRole("button", { name: "Send the request" }).click();
  await expect(owner.getByText("The information request is sent.")).toBeVisible();
  await expect(owner.getByRole("heading", { level: 3, name: /Request No\. 1/ })).toBeVisible();
  await expect(owner.getByText("Awaiting answer")).toBeVisible();

  // Completion starts the final document's 7-working-day clock.
  await owner.getByRole("button", { name: "Complete the activity" }).click();
  await expect(owner.getByText("The activity is completed.")).toBeVisible();
  await expect(owner.getByText("Final document due")).toBeVisible();
  await expect(owner.getByText(/working days? left/)).toBeVisible();
  await expectNoSeriousAxeViolations(owner);

  // The final document with three numbered recommendations.
  const recommendations = [
    "Weigh portions on delivery at every school.",
    "Publish the catering contracts on the akimat's website.",
    "Apply the contract penalty for short portions.",
  ];
  await owner.getByLabel("Facts found").fill("In 4 of the 10 schools visited, portions were 20–30% below the contract.");
  await owner.getByRole("button", { name: "Add a recommendation" }).click();
  await owner.getByRole("button", { name: "Add a recommendation" }).click();
  for (const [index, text] of recommendations.entries()) await owner.getByLabel(`Recommendation ${index + 1}`, { exact: true }).fill(text);
  await owner.getByRole("button", { name: "Save final document" }).click();
  await expect(owner.getByText("Final document saved.")).toBeVisible();
  await owner.getByRole("button", { name: "Send the final document" }).click();
  await expect(owner.getByText("The final document is sent.")).toBeVisible();
  const document = owner.getByRole("region", { name: "Final document" });
  for (const text of recommendations) await expect(document.getByText(text)).toBeVisible();
  await expect(owner.getByText("Under consideration").first()).toBeVisible();
  await expectNoSeriousAxeViolations(owner);

  // It prints as a clean document: no site header, navigation or buttons.
  await owner.emulateMedia({ media: "print" });
  await expect(owner.getByRole("banner")).toBeHidden();
  await expect(document.getByText(recommendations[2])).toBeVisible();
  await expect(owner.getByRole("button", { name: "English" })).toBeHidden();
  await expect(owner.getByRole("heading", { level: 2, name: "Timeline" })).toBeHidden();
  await owner.emulateMedia({ media: "screen" });

  // The akimat is told, and the open data carries the three recommendations.
  const staff = await browser.newPage({ locale: "en-GB" });
  await openNewestMail(staff, AKIMAT_STAFF, /Final document received|Получен итоговый документ|Қорытынды құжат алынды/);
  const api = await staff.request.get(`/api/v1/activities/${number}`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.data.state).toBe("under_consideration");
  expect(body.data.recommendations.map((r: { number: number; text: string }) => [r.number, r.text])).toEqual(recommendations.map((text, i) => [i + 1, text]));
  await staff.close();

  // A member of another NGO sees everything public and no way to change it.
  await outsider.goto(activityPath);
  await expect(outsider.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(outsider.getByRole("heading", { name: "Your next step" })).toHaveCount(0);
  await expect(outsider.getByRole("button", { name: /Send the request|Complete the activity|Send the final document|Save final document/ })).toHaveCount(0);
  expect((await outsider.goto(`${activityPath}/edit`))?.status()).toBe(404);
  await outsider.goto(`/activities?organization=${encodeURIComponent(organizationSlug)}`);
  await expect(outsider.getByRole("link", { name: title })).toBeVisible();
  await expectNoSeriousAxeViolations(outsider);

  for (const page of [owner, moderator, outsider]) await page.context().close();
});
