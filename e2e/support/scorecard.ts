import { expect, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

/** The figures of one agency's public scorecard that the answering specs follow. */
export type ScorecardFigures = { petitionsAnswered: number; recommendationsAnswered: number; recommendationsAccepted: number };

async function scorecardJson(page: Page, agencySlug: string) {
  const response = await page.request.get(`/api/v1/scorecards/${agencySlug}`);
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}

/**
 * Reads an agency's scorecard from the open-data API, as a journalist's script would, once it
 * has been computed (the refresh job runs when the server starts and every five minutes).
 */
export async function readScorecard(page: Page, agencySlug: string): Promise<ScorecardFigures> {
  await expect.poll(async () => (await scorecardJson(page, agencySlug)).computedAt, { timeout: 30_000 }).not.toBeNull();
  const body = await scorecardJson(page, agencySlug);
  return {
    petitionsAnswered: body.petitionsAnswered,
    recommendationsAnswered: body.recommendations.answered,
    recommendationsAccepted: body.recommendations.accepted,
  };
}

/**
 * Waits until the scorecard shows `expected` (a publication asks the job queue for a refresh, so
 * the figures follow within seconds), then checks the public scorecard page says the same.
 */
export async function expectScorecard(page: Page, agencySlug: string, expected: ScorecardFigures): Promise<void> {
  await expect.poll(() => readScorecard(page, agencySlug), { timeout: 30_000 }).toEqual(expected);
  await page.goto(`/agencies/${agencySlug}/scorecard`);
  await expect(page.getByRole("heading", { level: 1, name: /^Scorecard of / })).toBeVisible();
  // The figure after its term, in the section that shows it (the explanations below repeat the terms).
  const figure = (section: string, term: string) =>
    page.locator(`#${section} dt`, { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(figure("petitions-and-requests", "Petitions answered")).toHaveText(String(expected.petitionsAnswered));
  await expect(figure("recommendations", "Recommendations answered")).toHaveText(String(expected.recommendationsAnswered));
  await expectNoSeriousAxeViolations(page);
}
