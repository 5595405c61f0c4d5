import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, openNewestMail } from "./support/people";
import { confirmFromMailbox, fillSignForm } from "./support/signing";

// Timur signs an open petition by e-mail, withdraws, changes his mind again and signs again:
// the second signature works like the first, and the count moves once each time.

async function confirmedCount(request: APIRequestContext, number: number): Promise<number> {
  const answer = await request.get(`/api/v1/petitions/${number}/count`);
  return ((await answer.json()) as { confirmed: number }).confirmed;
}

test("Timur withdraws his signature and signs again, counted once", async ({ page, request }) => {
  test.setTimeout(240_000);
  const list = (await (await request.get("/api/v1/petitions?state=open&perPage=1")).json()) as { data: Array<{ number: number }> };
  const number = list.data[0].number;
  const before = await confirmedCount(request, number);
  const email = freshEmail("timur");

  await page.goto(`/petitions/${number}`);
  await fillSignForm(page, { name: "Timur Kim", email });
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await confirmFromMailbox(page, email);
  await expect.poll(() => confirmedCount(request, number)).toBe(before + 1);

  // The withdraw link is in the same e-mail.
  await openNewestMail(page, email, /Confirm your signature/);
  await page.getByRole("link", { name: /\/signatures\/\d+\/withdraw/ }).click();
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByText("Your signature has been withdrawn and no longer counts.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign again" })).toHaveAttribute("href", `/petitions/${number}#sign`);
  await expect.poll(() => confirmedCount(request, number)).toBe(before);

  // Pressing the old confirm link now says why it cannot count.
  await openNewestMail(page, email, /Confirm your signature/);
  await page.getByRole("link", { name: /\/signatures\/\d+\/confirm/ }).click();
  await expect(page.getByText(/You withdrew this signature/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // Signing again: a fresh confirmation, never "you have already signed".
  await page.goto(`/petitions/${number}`);
  await fillSignForm(page, { name: "Timur Kim", email });
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("link", { name: /already signed/ })).toHaveCount(0);
  await confirmFromMailbox(page, email);
  await expect(page.getByText("Your signature is counted")).toBeVisible();
  await expect.poll(() => confirmedCount(request, number)).toBe(before + 1);
  // Signing once more while counted changes nothing.
  await page.goto(`/petitions/${number}`);
  await fillSignForm(page, { name: "Timur Kim", email });
  await expect(page.getByText("Check your e-mail")).toBeVisible();
  await openNewestMail(page, email, /already signed/);
  expect(await confirmedCount(request, number)).toBe(before + 1);
});
