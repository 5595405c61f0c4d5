import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Scans the page as it is now; fails on any serious or critical WCAG violation.
 * Next.js streams a page's metadata after its body, so the scan first waits for the title to
 * arrive (a page without one fails here, by name, rather than as a race in axe's document-title).
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  await expect(page, `the page at ${page.url()} has a title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}
