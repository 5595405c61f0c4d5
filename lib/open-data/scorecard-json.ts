import { siteUrl } from "@/lib/config";
import { acceptedShare, implementedShare, isRanked, onTimeShare, roundShare, settledItems } from "@/lib/scorecards/measures";
import type { AgencyScorecardView, ScorecardEntry, ScorecardFiguresRow, ScorecardListPage } from "@/lib/scorecards/read-scorecards";
import { toCsv } from "./csv";
import { listPageJson } from "./pagination";

// The scorecards as the open-data API publishes them. Field names are part of the public
// contract described in lib/open-data/scorecards-openapi.ts: change both together, and only by adding.

type AgencyNames = ScorecardEntry["agency"];

export function scorecardApiPath(slug: string): string {
  return `/api/v1/scorecards/${encodeURIComponent(slug)}`;
}

function scorecardHtmlPath(slug: string): string {
  return `/agencies/${encodeURIComponent(slug)}/scorecard`;
}

/** One agency's scorecard; `rank` is its place in a league table order, when listed in one. */
export function scorecardJson(agency: AgencyNames, figures: ScorecardFiguresRow, rank?: number | null) {
  const origin = siteUrl();
  return {
    agency: { slug: agency.slug, level: agency.level, regionCode: agency.regionCode, name: { kk: agency.nameKk, ru: agency.nameRu, en: agency.nameEn } },
    ...(rank === undefined ? {} : { rank }),
    ranked: isRanked(figures),
    items: {
      due: figures.itemsDue,
      answered: figures.answered,
      answeredOnTime: figures.answeredOnTime,
      answeredLate: figures.answered - figures.answeredOnTime,
      openNow: figures.openNow,
      overdueNow: figures.overdueNow,
      settled: settledItems(figures),
    },
    onTimeShare: roundShare(onTimeShare(figures)),
    medianWorkingDaysToAnswer: figures.medianWorkingDaysToAnswer,
    recommendations: {
      answered: figures.recommendationsTotal,
      accepted: figures.recommendationsAccepted,
      implemented: figures.recommendationsImplemented,
      notImplemented: figures.recommendationsNotImplemented,
      acceptedShare: roundShare(acceptedShare(figures)),
      implementedShare: roundShare(implementedShare(figures)),
    },
    petitionsAnswered: figures.petitionsAnswered,
    informationRequests: { answered: figures.informationRequestsAnswered, refused: figures.informationRequestsRefused },
    computedAt: figures.computedAt ? figures.computedAt.toISOString() : null,
    links: { self: `${origin}${scorecardApiPath(agency.slug)}`, html: `${origin}${scorecardHtmlPath(agency.slug)}` },
  };
}

/** The body of GET /api/v1/scorecards. */
export function scorecardListJson(url: URL, result: ScorecardListPage, sort: string) {
  return listPageJson(url, result, (item) => scorecardJson(item.agency, item.figures, item.rank), {
    sort,
    refreshedAt: result.refreshedAt ? result.refreshedAt.toISOString() : null,
  });
}

/** The body of GET /api/v1/scorecards/{agencySlug}. */
export function scorecardDetailJson(view: AgencyScorecardView) {
  return { data: scorecardJson(view.agency, view.figures), meta: { refreshedAt: view.refreshedAt ? view.refreshedAt.toISOString() : null } };
}

/** Columns of the scorecards CSV, in order. */
export const SCORECARD_CSV_COLUMNS = [
  "rank",
  "agency_slug",
  "agency_level",
  "agency_name_kk",
  "agency_name_ru",
  "agency_name_en",
  "region_code",
  "ranked",
  "items_due",
  "answered",
  "answered_on_time",
  "answered_late",
  "open_now",
  "overdue_now",
  "on_time_share",
  "median_working_days_to_answer",
  "recommendations_answered",
  "recommendations_accepted",
  "recommendations_implemented",
  "recommendations_not_implemented",
  "recommendations_accepted_share",
  "recommendations_implemented_share",
  "petitions_answered",
  "information_requests_answered",
  "information_requests_refused",
  "computed_at",
  "url",
] as const;

/** Scorecards as CSV rows; `rank` is empty for an agency not ranked (or outside a league table). */
export function scorecardsCsv(entries: ReadonlyArray<{ agency: AgencyNames; figures: ScorecardFiguresRow; rank?: number | null }>): string {
  return toCsv(
    SCORECARD_CSV_COLUMNS,
    entries.map(({ agency, figures, rank }) => {
      const json = scorecardJson(agency, figures, rank ?? null);
      return [
        json.rank,
        agency.slug,
        agency.level,
        agency.nameKk,
        agency.nameRu,
        agency.nameEn,
        agency.regionCode,
        json.ranked,
        json.items.due,
        json.items.answered,
        json.items.answeredOnTime,
        json.items.answeredLate,
        json.items.openNow,
        json.items.overdueNow,
        json.onTimeShare,
        json.medianWorkingDaysToAnswer,
        json.recommendations.answered,
        json.recommendations.accepted,
        json.recommendations.implemented,
        json.recommendations.notImplemented,
        json.recommendations.acceptedShare,
        json.recommendations.implementedShare,
        json.petitionsAnswered,
        json.informationRequests.answered,
        json.informationRequests.refused,
        json.computedAt,
        json.links.html,
      ];
    }),
  );
}
