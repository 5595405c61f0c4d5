import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { signedInPage } from "./support/people";

// Kairat, a supervisor of the Akimat of Astana, writes a long response template and forgets to
// say what it is for. The refusal must not cost him the text, and the counter must tell the truth.

const SUPERVISOR = "agency.supervisor@demo.birge.kz";
const BODY = "Thank you for your recommendations. The akimat has considered each of them and answers below.";

test("Kairat's template text survives a refusal, with the character counter still right", async ({ browser }) => {
  const agency = await signedInPage(browser, SUPERVISOR);
  await agency.goto("/agency");
  const inbox = new URL(agency.url()).pathname;
  await agency.goto(`${inbox}/templates`);
  await expect(agency.getByRole("heading", { level: 1, name: "Response templates" })).toBeVisible();

  // The add form (each existing template has an edit form with the same labels).
  const form = agency.locator("form", { has: agency.locator("#new-template-title") });
  const title = `Considered ${Date.now().toString(36)}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Text").fill(BODY);
  await expect(form.locator("#new-template-body-counter")).toHaveText(`${BODY.length} / 10000`);
  await form.getByRole("button", { name: "Add template" }).click();

  await expect(form.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await expect(form.getByLabel("Text")).toHaveValue(BODY);
  await expect(form.locator("#new-template-body-counter")).toHaveText(`${BODY.length} / 10000`);
  await expectNoSeriousAxeViolations(agency);

  await form.getByLabel("For").selectOption("final_document");
  await form.getByRole("button", { name: "Add template" }).click();
  await expect(agency.getByText("The template is added.")).toBeVisible();
  await expect(agency.getByRole("heading", { level: 3, name: title })).toBeVisible();
  // Once added, the form is empty for the next one, and its counter says so.
  await expect(form.getByLabel("Text")).toHaveValue("");
  await expect(form.locator("#new-template-body-counter")).toHaveText("0 / 10000");
});
