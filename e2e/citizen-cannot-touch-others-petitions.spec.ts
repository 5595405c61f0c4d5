import { expect, test } from "@playwright/test";
import { freshEmail, signInByEmail } from "./support/people";

test("a citizen can neither edit another person's petition nor reach moderation", async ({ page }) => {
  // citizen@demo.birge.kz created the demo petitions; this is someone else.
  await signInByEmail(page, freshEmail("stranger"));
  const list = await (await page.request.get("/api/v1/petitions?state=open")).json();
  const number = list.data[0]?.number;
  expect(number).toBeTruthy();
  expect((await page.goto(`/my/petitions/${number}`))?.status()).toBe(404);
  expect((await page.goto(`/my/petitions/${number}/edit`))?.status()).toBe(404);
  expect((await page.goto("/moderation"))?.status()).toBe(403);
  expect((await page.goto(`/moderation/petitions/${number}`))?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Moderation" })).toHaveCount(0);
});
