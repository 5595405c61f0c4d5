import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";

// A visitor, not signed in, reads petitions and the open data. Creates nothing: it relies only
// on the demo data having at least one petition open for signatures, and the Medeu trail petition
// whose answer from the Akimat of Almaty is overdue (db/seed/petitions.ts).

test("Nurlan browses open petitions, filters and searches them, reads one, and fetches the same data from the API", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Make your voice count" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start a petition" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Most signed open petitions" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.goto("/petitions");
  await expect(page.getByRole("heading", { level: 1, name: "Petitions" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // An answer past its statutory due day is marked for everyone, in the list and on the page.
  const overdue = page.locator("main article", { hasText: "Keep the Medeu trail open to pedestrians all year" });
  await expect(overdue.getByText("Overdue", { exact: true })).toBeVisible();
  await overdue.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Keep the Medeu trail open to pedestrians all year" })).toBeVisible();
  await expect(page.getByText("Overdue", { exact: true }).first()).toBeVisible();
  await page.goto("/petitions");

  await page.getByLabel("Status", { exact: true }).selectOption("open");
  await page.getByLabel("Sort by").selectOption("newest");
  await page.getByRole("button", { name: "Show petitions" }).click();
  await expect(page).toHaveURL(/state=open/);
  await expect(page.getByText(/\d+ petitions? found/)).toBeVisible();
  const firstLink = page.locator("main article h2 a").first();
  await expect(firstLink).toBeVisible();
  const title = (await firstLink.textContent())!.trim();
  await expectNoSeriousAxeViolations(page);

  // A word of the title finds the petition again.
  const word = title.match(/[\p{L}\p{N}]{4,}/u)?.[0] ?? title;
  await page.getByRole("searchbox", { name: "Search petitions" }).fill(word);
  await page.getByRole("button", { name: "Show petitions" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator("main article h2 a", { hasText: title }).first()).toBeVisible();

  await page.locator("main article h2 a", { hasText: title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(page.getByText("Open for signatures").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Signatures", exact: true })).toBeVisible();
  await expect(page.getByRole("progressbar").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sign this petition" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Share this petition" })).toBeVisible();
  await expect(page.getByLabel("Link to this page")).toHaveValue(/\/petitions\/\d+$/);
  await expectNoSeriousAxeViolations(page);

  const number = Number(new URL(page.url()).pathname.split("/").pop());
  expect(number).toBeGreaterThan(0);

  const detail = await request.get(`/api/v1/petitions/${number}`);
  expect(detail.status()).toBe(200);
  expect(detail.headers()["cache-control"]).toBe("public, s-maxage=10, stale-while-revalidate=60");
  const etag = detail.headers()["etag"];
  expect(etag).toBeTruthy();
  const body = await detail.json();
  expect(body.data).toMatchObject({ number, title, state: "open" });
  expect(Array.isArray(body.data.counts.byRegion)).toBe(true);
  expect((await request.get(`/api/v1/petitions/${number}`, { headers: { "if-none-match": etag } })).status()).toBe(304);

  const list = await (await request.get("/api/v1/petitions?state=open&perPage=100")).json();
  expect(list.data.map((p: { number: number }) => p.number)).toContain(number);
  expect(list.meta.total).toBeGreaterThan(0);

  const bad = await request.get("/api/v1/petitions?perPage=1000");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("validation");
  // A NUL in an address (a fuzzer's favourite) is a 400 with a JSON reason, on pages and the API alike.
  for (const path of ["/petitions?q=%00", "/api/v1/petitions?q=a%00b", "/agencies/%00"]) {
    const nul = await request.get(path);
    expect(nul.status()).toBe(400);
    expect((await nul.json()).error.code).toBe("validation");
  }

  const csv = await request.get("/api/v1/petitions.csv?state=open");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^number,title,state,/);

  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");

  const missing = await page.goto("/petitions/999999999");
  expect(missing?.status()).toBe(404);
  expect((await request.get("/api/v1/petitions/999999999")).status()).toBe(404);
});
