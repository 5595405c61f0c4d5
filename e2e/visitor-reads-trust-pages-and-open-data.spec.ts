import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";

// Aigerim wants to know who runs Birge, what it keeps about her and how to reuse its data,
// in her own language and on her phone. Creates nothing.

const PAGES = ["/about", "/help", "/privacy", "/terms", "/accessibility", "/contact", "/open-data"] as const;

const HEADINGS: Record<"kk" | "ru" | "en", Record<(typeof PAGES)[number], string>> = {
  en: { "/about": "About Birge", "/help": "Help", "/privacy": "Privacy notice", "/terms": "Terms of use", "/accessibility": "Accessibility statement", "/contact": "Contact", "/open-data": "Open data" },
  ru: { "/about": "О Birge", "/help": "Помощь", "/privacy": "Уведомление о конфиденциальности", "/terms": "Условия использования", "/accessibility": "Заявление о доступности", "/contact": "Контакты", "/open-data": "Открытые данные" },
  kk: { "/about": "Birge туралы", "/help": "Көмек", "/privacy": "Құпиялылық туралы хабарлама", "/terms": "Пайдалану шарттары", "/accessibility": "Қолжетімділік туралы мәлімдеме", "/contact": "Байланыс", "/open-data": "Ашық деректер" },
};

async function useLanguage(page: Page, locale: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url().startsWith("http") ? page.url() : `http://localhost:${process.env.E2E_PORT || 3100}` }]);
}

for (const locale of ["kk", "ru", "en"] as const) {
  for (const width of [1366, 390]) {
    test(`Aigerim reads the trust pages and open data in ${locale} at ${width} px, and axe finds nothing serious`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await useLanguage(page, locale);
      for (const path of PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: HEADINGS[locale][path], exact: true })).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoSeriousAxeViolations(page);
      }
    });
  }
}

test("Every footer links the trust pages and the readable open data, and the sign form's consent box links the privacy notice", async ({ page, request }) => {
  await page.goto("/petitions");
  const footer = page.getByRole("navigation", { name: "About the service" });
  for (const [name, href] of [
    ["About Birge", "/about"],
    ["Help", "/help"],
    ["Privacy", "/privacy"],
    ["Terms of use", "/terms"],
    ["Accessibility", "/accessibility"],
    ["Contact", "/contact"],
    ["Open data", "/open-data"],
  ]) {
    await expect(footer.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  await expect(page.locator('footer a[href="/api/v1/openapi.json"]')).toHaveCount(0);

  const open = (await (await request.get("/api/v1/petitions?state=open&perPage=1")).json()).data[0] as { number: number };
  await page.goto(`/petitions/${open.number}`);
  const consent = page.locator("#consent").locator("xpath=ancestor::div[contains(@class,'ds-block')]");
  await expect(consent.getByRole("link", { name: "privacy notice" })).toHaveAttribute("href", "/privacy");
  await expect(consent.getByRole("link", { name: "terms of use" })).toHaveAttribute("href", "/terms");
  await consent.getByRole("link", { name: "privacy notice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  // The notice says what the code keeps and for how long.
  await expect(page.getByText(/stored as a keyed hash, never in clear/)).toBeVisible();
  await expect(page.getByText(/Six months after a petition stops collecting signatures/)).toBeVisible();
});

test("A developer reads the API reference with examples and CSV links, and follows feeds the pages announce", async ({ page, request }) => {
  await page.goto("/open-data");
  await expect(page.getByRole("link", { name: /All public petitions as a CSV file/ })).toHaveAttribute("href", "/api/v1/petitions.csv");
  await expect(page.getByRole("heading", { level: 4, name: /^GET\s*\/api\/v1\/petitions$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Parameters of GET /api/v1/petitions", exact: true })).toBeVisible();
  await expect(page.locator("#op-listPetitions pre")).toContainText("/api/v1/petitions?state=open");
  await page.locator("#op-listPetitions").getByRole("link", { name: /^Try it/ }).click();
  await expect(page).toHaveURL(/\/api\/v1\/petitions\?state=open/);

  await page.goto("/petitions");
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveAttribute("href", /\/feeds\/petitions\.atom\?lang=en$/);
  const feed = await request.get((await alternate.getAttribute("href"))!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: document.getElementsByTagName("parsererror").length,
      root: document.documentElement.namespaceURI,
      entries: [...document.getElementsByTagName("entry")].map((entry) => entry.getElementsByTagName("title")[0]?.textContent ?? ""),
    };
  }, xml);
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe("http://www.w3.org/2005/Atom");
  expect(parsed.entries.some((title) => /^Petition No\. \d+ is open for signatures/.test(title))).toBe(true);

  await page.goto("/agencies/akimat-almaty");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feeds\/agencies\/akimat-almaty\.atom\?lang=en$/);
  expect((await request.get("/feeds/agencies/akimat-almaty.atom")).status()).toBe(200);
  expect((await request.get("/feeds/agencies/no-such-body.atom")).status()).toBe(404);
  expect((await request.get("/feeds/activities/abc.atom")).status()).toBe(404);
  expect((await request.get("/feeds/activities/999999.atom")).status()).toBe(404);
  expect((await request.get("/feeds/petitions.atom?lang=xx")).status()).toBe(400);
  expect((await request.get("/feeds/petitions.atom?lang=en&lang=ru")).status()).toBe(400);
});
