// The published measures derived from the stored counts. The league table's SQL ordering
// (read-scorecards.ts) uses the same definitions; keep them together.

/** An agency is ranked once this many of its items are settled (answered, or overdue now). */
export const MIN_SETTLED_TO_RANK = 5;

/** The counts a measure is derived from. */
export interface ScorecardCounts {
  answered: number;
  answeredOnTime: number;
  overdueNow: number;
  recommendationsTotal: number;
  recommendationsAccepted: number;
  recommendationsImplemented: number;
}

/** The figures stored for each agency in agency_scorecards: the counts and the rest of the record. */
export interface StoredScorecardFigures extends ScorecardCounts {
  itemsDue: number;
  medianWorkingDaysToAnswer: number | null;
  openNow: number;
  recommendationsNotImplemented: number;
  petitionsAnswered: number;
  informationRequestsAnswered: number;
  informationRequestsRefused: number;
}

/** An agency with nothing on its record yet. */
export const ZERO_SCORECARD_FIGURES: Readonly<StoredScorecardFigures> = Object.freeze({
  itemsDue: 0,
  answered: 0,
  answeredOnTime: 0,
  medianWorkingDaysToAnswer: null,
  openNow: 0,
  overdueNow: 0,
  recommendationsTotal: 0,
  recommendationsAccepted: 0,
  recommendationsImplemented: 0,
  recommendationsNotImplemented: 0,
  petitionsAnswered: 0,
  informationRequestsAnswered: 0,
  informationRequestsRefused: 0,
});

/**
 * Items whose outcome is known: answered (on time or late) or already overdue. Items still
 * within their deadline are left out, so a new clock neither helps nor hurts an agency.
 */
export function settledItems(counts: ScorecardCounts): number {
  return counts.answered + counts.overdueNow;
}

/** Share answered on time: answered on time ÷ (answered + overdue now); null with nothing settled. */
export function onTimeShare(counts: ScorecardCounts): number | null {
  const settled = settledItems(counts);
  return settled === 0 ? null : counts.answeredOnTime / settled;
}

/** Share of answered recommendations that were accepted or partially accepted. */
export function acceptedShare(counts: ScorecardCounts): number | null {
  return counts.recommendationsTotal === 0 ? null : counts.recommendationsAccepted / counts.recommendationsTotal;
}

/** Share of accepted recommendations that the subject has marked implemented. */
export function implementedShare(counts: ScorecardCounts): number | null {
  return counts.recommendationsAccepted === 0 ? null : counts.recommendationsImplemented / counts.recommendationsAccepted;
}

export function isRanked(counts: ScorecardCounts): boolean {
  return settledItems(counts) >= MIN_SETTLED_TO_RANK;
}

/** A share rounded for publication: 0.6667 → 0.667 (three decimals, so percentages keep one). */
export function roundShare(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 1000;
}
