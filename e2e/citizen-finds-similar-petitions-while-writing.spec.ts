import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { freshEmail, signInByEmail } from "./support/people";

// Relies on the demo petitions (db/seed/petitions.ts): the Kabanbay Batyr bridge (open), the
// Shymkent evening buses (answered) and the Yesil embankment lighting (awaiting moderation, not public).

test("Aigerim starts typing a petition and is shown the open and answered petitions like it before she writes a duplicate", async ({ page }) => {
  await signInByEmail(page, freshEmail("aigerim"));
  await page.goto("/petitions/new");
  const form = page.locator("main form");
  const status = form.getByRole("status").filter({ hasText: /similar/i });

  await page.getByLabel("Title").pressSequentially("Pedestrian bridge over Kabanbay Batyr", { delay: 20 });
  await expect(form.getByText(/similar petitions? found: check/)).toBeVisible();
  const list = form.getByRole("region", { name: "Similar petitions" });
  const bridge = list.getByRole("link", { name: "Build a pedestrian bridge over Kabanbay Batyr Avenue at school No. 45" });
  await expect(bridge).toBeVisible();
  await expect(list.getByText(/open for signatures/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // An answered petition is shown too.
  await page.getByLabel("Title").fill("Evening bus routes to the new residential districts");
  await expect(list.getByRole("link", { name: "Add evening bus routes to the new residential districts" })).toBeVisible();
  await expect(list.getByText(/answered/).first()).toBeVisible();

  // One that is not public yet is never revealed.
  await page.getByLabel("Title").fill("Install lighting in the park along the Yesil embankment");
  await expect(status).toHaveText("No similar open or answered petitions found.");
  await expect(form.getByRole("link", { name: /Yesil embankment/ })).toHaveCount(0);

  // By keyboard: from the title, Tab reaches the first similar petition; Enter opens it in the same tab.
  await page.getByLabel("Title").fill("pedestrian bridge Kabanbay Batyr Avenue");
  await expect(bridge).toBeVisible();
  await page.getByLabel("Title").focus();
  await page.keyboard.press("Tab");
  await expect(bridge).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Build a pedestrian bridge over Kabanbay Batyr Avenue at school No. 45" })).toBeVisible();
  expect(page.context().pages()).toHaveLength(1);
});

test("the similar-petitions lookup refuses a bad query with a JSON error, never a 500", async ({ request }) => {
  const ok = await request.get(`/api/petitions/similar?q=${encodeURIComponent("pedestrian bridge")}`);
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { data: Array<{ number: number; title: string; state: string; url: string }> };
  expect(body.data.map((p) => p.title)).toContain("Build a pedestrian bridge over Kabanbay Batyr Avenue at school No. 45");
  for (const item of body.data) {
    expect(["open", "responded"]).toContain(item.state);
    expect(item.url).toBe(`/petitions/${item.number}`);
  }
  expect(ok.headers()["cache-control"]).toContain("public");

  for (const q of [null, "", "ab", "x".repeat(81), "bridge\u0000over", "bridge\u001bover", "bridge\u007f"]) {
    const response = await request.get(q === null ? "/api/petitions/similar" : `/api/petitions/similar?q=${encodeURIComponent(q)}`);
    expect(response.status(), `q=${JSON.stringify(q)}`).toBe(400);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("validation");
  }
});
