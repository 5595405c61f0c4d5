import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { signInByEmail } from "./support/people";

// A link pasted into a messenger shows a card: the crawler reads the page's <meta> tags and
// fetches the preview image, with no cookies and no script. Relies on the demo data
// (db/seed/petitions.ts): the Kabanbay Batyr bridge petition is open, the akimat of Astana
// exists, and citizen@demo.birge.kz's Karaganda–Temirtau train petition is gathering support.

const BRIDGE = "Build a pedestrian bridge over Kabanbay Batyr Avenue at school No. 45";

/** The content of <meta property|name="key">, decoded as a browser would. */
function meta(html: string, key: string): string | null {
  const tag = html.match(new RegExp(`<meta[^>]+(?:property|name)="${key.replace(/[.:]/g, "\\$&")}"[^>]*>`))?.[0];
  const content = tag?.match(/content="([^"]*)"/)?.[1];
  return content === undefined ? null : content.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

async function html(request: APIRequestContext, path: string, language?: string): Promise<string> {
  const response = await request.get(path, { headers: language ? { cookie: `NEXT_LOCALE=${language}` } : { "accept-language": "en" } });
  expect(response.status(), path).toBe(200);
  return response.text();
}

async function bridgeNumber(request: APIRequestContext): Promise<number> {
  const list = await request.get(`/api/v1/petitions?q=${encodeURIComponent("Kabanbay Batyr")}`);
  const found = ((await list.json()) as { data: Array<{ number: number; title: string }> }).data.find((p) => p.title === BRIDGE);
  expect(found).toBeTruthy();
  return found!.number;
}

test("a petition's link shows a card with its title, a description and a generated image of its count", async ({ request, baseURL }) => {
  const number = await bridgeNumber(request);
  const page = await html(request, `/petitions/${number}`);
  expect(page).toContain(`<title>${BRIDGE} · Birge</title>`);
  expect(meta(page, "description")).toMatch(/^Build a pedestrian bridge or an underpass/);
  expect(meta(page, "og:title")).toBe(BRIDGE);
  expect(meta(page, "og:description")).toBe(meta(page, "description"));
  expect(meta(page, "og:url")).toBe(`${baseURL}/petitions/${number}`);
  expect(meta(page, "og:type")).toBe("article");
  expect(meta(page, "og:site_name")).toBe("Birge");
  expect(meta(page, "og:locale")).toBe("en_GB");
  expect(meta(page, "twitter:card")).toBe("summary_large_image");
  expect(meta(page, "twitter:title")).toBe(BRIDGE);
  const image = meta(page, "og:image")!;
  expect(image).toBe(`${baseURL}/petitions/${number}/preview.png?lang=en`);
  expect(meta(page, "twitter:image")).toBe(image);
  expect(meta(page, "og:image:width")).toBe("1200");
  expect(meta(page, "og:image:height")).toBe("630");
  expect(meta(page, "og:image:alt")).toMatch(new RegExp(`^Petition No. ${number}: .* — [\\d,]+ signatures$`));

  // The image is a PNG of the stated size, and cacheable for a while.
  const png = await request.get(image);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  expect(png.headers()["cache-control"]).toContain("max-age=600");
  const bytes = await png.body();
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);

  // In Kazakh: the card's words and the image's language follow the page.
  const kk = await html(request, `/petitions/${number}`, "kk");
  expect(meta(kk, "og:locale")).toBe("kk_KZ");
  expect(meta(kk, "og:image")).toBe(`${baseURL}/petitions/${number}/preview.png?lang=kk`);
  expect(meta(kk, "og:image:alt")).toMatch(new RegExp(`^№ ${number} петиция: `));
  const kkPng = await request.get(meta(kk, "og:image")!);
  expect(kkPng.status()).toBe(200);
  expect((await kkPng.body()).readUInt32BE(16)).toBe(1200);

  // A petition that is not public has no image to give away.
  expect((await request.get("/petitions/999999/preview.png")).status()).toBe(404);
  expect((await request.get("/petitions/abc/preview.png")).status()).toBe(404);
});

test("agency, scorecard and activity pages have their own title, description and card; the site has a favicon", async ({ request, baseURL }) => {
  const agency = await html(request, "/agencies/akimat-astana");
  expect(meta(agency, "og:title")).toBe("Akimat of Astana");
  expect(meta(agency, "description")).toMatch(/^Akimat of Astana: the petitions and public control/);
  expect(meta(agency, "og:url")).toBe(`${baseURL}/agencies/akimat-astana`);
  expect(meta(agency, "twitter:card")).toBe("summary");

  const scorecard = await html(request, "/agencies/akimat-astana/scorecard");
  expect(meta(scorecard, "og:title")).toBe("Scorecard of Akimat of Astana");
  expect(meta(scorecard, "og:description")).toMatch(/keeps its statutory deadlines/);
  expect(meta(scorecard, "twitter:card")).toBe("summary");

  const ru = await html(request, "/agencies/akimat-astana", "ru");
  expect(meta(ru, "og:locale")).toBe("ru_RU");
  expect(meta(ru, "og:title")).toMatch(/Акимат/);

  const activities = await request.get("/api/v1/activities");
  const activity = ((await activities.json()) as { data: Array<{ number: number; title: string }> }).data[0];
  expect(activity).toBeTruthy();
  const activityPage = await html(request, `/activities/${activity.number}`);
  expect(meta(activityPage, "og:title")).toBe(activity.title);
  expect(meta(activityPage, "og:url")).toBe(`${baseURL}/activities/${activity.number}`);
  expect(meta(activityPage, "description")?.length).toBeGreaterThan(10);

  const icon = agency.match(/<link rel="icon" href="([^"]+)"[^>]*type="image\/svg\+xml"/)?.[1];
  expect(icon).toBeTruthy();
  const iconResponse = await request.get(icon!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
});

test("Bolat copies the petition's link with the Copy link button, by mouse and by keyboard", async ({ browser, request, baseURL }) => {
  const number = await bridgeNumber(request);
  const context = await browser.newContext({ locale: "en-GB", permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`/petitions/${number}`);
  const share = page.getByRole("region", { name: "Share this petition" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/petitions/${number}`);
  await expectNoSeriousAxeViolations(page);

  await page.evaluate(() => navigator.clipboard.writeText("something else"));
  await page.reload();
  await share.getByRole("button", { name: "Copy link" }).focus();
  await page.keyboard.press("Enter");
  await expect(share.getByRole("status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/petitions/${number}`);
  await context.close();
});

test("where the clipboard is refused, the Copy link button selects the link for copying by hand", async ({ browser, request }) => {
  const number = await bridgeNumber(request);
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(`/petitions/${number}`);
  await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  const share = page.getByRole("region", { name: "Share this petition" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText(/The link is selected/);
  await expect(page.getByLabel("Link to this page")).toBeFocused();
  const selected = await page.evaluate(() => {
    const input = document.getElementById("share-url") as HTMLInputElement;
    return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
  });
  expect(selected).toMatch(new RegExp(`/petitions/${number}$`));
  await context.close();
});

test("the creator copies the private support link of a petition gathering support", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await signInByEmail(page, "citizen@demo.birge.kz");
  await page.goto("/my/petitions");
  await page.getByRole("link", { name: "Restore the suburban train between Karaganda and Temirtau" }).click();
  const link = await page.getByLabel("Private link to share").inputValue();
  expect(link).toContain("support=");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoSeriousAxeViolations(page);
  await context.close();
});
