import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";

// Nurlan has a petition's number from a letter and types it into the search. Creates nothing:
// relies on the demo data's open petitions and its rejected "Dismiss the minister of transport".

test("Nurlan finds a petition by its number from the home search and the list; rejected ones only through the filter", async ({ page, request }) => {
  const open = (await (await request.get("/api/v1/petitions?state=open&sort=newest&perPage=1")).json()).data[0] as { number: number; title: string };
  const rejected = (await (await request.get("/api/v1/petitions?state=rejected&perPage=1")).json()).data[0] as { number: number; title: string };
  expect(open && rejected).toBeTruthy();

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search petitions" }).fill(String(open.number));
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/petitions\\?q=${open.number}$`));
  await expect(page.locator("main article h2 a").first()).toHaveText(open.title);
  await expectNoSeriousAxeViolations(page);

  await page.goto(`/petitions?q=%23${open.number}`);
  await expect(page.locator("main article h2 a").first()).toHaveText(open.title);

  // The API answers the same search.
  const api = await (await request.get(`/api/v1/petitions?q=${open.number}`)).json();
  expect(api.data[0].number).toBe(open.number);

  // The default list leaves the rejected petition out; the state filter and its number reach it.
  await page.goto("/petitions?perPage=100");
  await expect(page.locator("main article h2 a").first()).toBeVisible();
  await expect(page.locator("main article h2 a", { hasText: rejected.title })).toHaveCount(0);
  const defaults = await (await request.get("/api/v1/petitions?perPage=100")).json();
  expect(defaults.data.map((item: { state: string }) => item.state)).not.toContain("rejected");
  await page.getByLabel("Status", { exact: true }).selectOption("rejected");
  await page.getByRole("button", { name: "Show petitions" }).click();
  await expect(page.locator("main article h2 a", { hasText: rejected.title })).toBeVisible();
  await page.goto(`/petitions?q=${rejected.number}`);
  await expect(page.locator("main article h2 a").first()).toHaveText(rejected.title);
});
