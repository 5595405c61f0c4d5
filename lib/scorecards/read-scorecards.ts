import { and, asc, count, eq, or, gt, sql, type SQL } from "drizzle-orm";
import { agencies, agencyScorecards, regions, scorecardRefreshState, type Agency, type AgencyLevel } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { MIN_SETTLED_TO_RANK, ZERO_SCORECARD_FIGURES, type StoredScorecardFigures } from "./measures";

// Reading the maintained scorecards for pages and the open-data API: one indexed query per
// page of the league table, one row for an agency. Nothing here reads the events table.

/** Orders of the league table. Each puts the best first, except `overdue`: most overdue first. */
export const SCORECARD_SORTS = ["on_time", "median", "overdue"] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

/** The stored figures of one agency (zeros when it has none yet). */
export interface ScorecardFiguresRow extends StoredScorecardFigures {
  computedAt: Date | null;
}

/** An agency and its scorecard, as the league table and the agency page show it. */
export interface ScorecardEntry {
  agency: Pick<Agency, "id" | "slug" | "nameKk" | "nameRu" | "nameEn" | "level" | "regionCode">;
  figures: ScorecardFiguresRow;
  /** Place in the league table's current order; null when the agency has too few settled items. */
  rank: number | null;
}

export interface ScorecardListFilters {
  sort: ScorecardSort;
  level?: AgencyLevel;
  page: number;
  perPage: number;
  /** Ties are broken by the agency's name in this language. */
  locale?: Locale;
}

export interface ScorecardListPage {
  items: ScorecardEntry[];
  page: number;
  perPage: number;
  total: number;
  pageCount: number;
  /** When the refresh job last ran (null before its first run). */
  refreshedAt: Date | null;
}

const s = agencyScorecards;
const settled = sql`(${s.answered} + ${s.overdueNow})`;
const rankedCondition = sql`${settled} >= ${MIN_SETTLED_TO_RANK}`;
/** The same definition as measures.ts onTimeShare. */
const onTimeShareSql = sql`(${s.answeredOnTime}::float8 / nullif(${settled}, 0))`;

function sortKeys(sort: ScorecardSort): SQL[] {
  switch (sort) {
    case "median":
      return [sql`${s.medianWorkingDaysToAnswer} asc nulls last`, sql`${onTimeShareSql} desc nulls last`];
    case "overdue":
      return [sql`${s.overdueNow} desc`, sql`${onTimeShareSql} asc nulls last`];
    default:
      return [sql`${onTimeShareSql} desc nulls last`, sql`${s.medianWorkingDaysToAnswer} asc nulls last`];
  }
}

const nameColumn = (locale: Locale = "en") => (locale === "kk" ? agencies.nameKk : locale === "ru" ? agencies.nameRu : agencies.nameEn);

const figureColumns = {
  itemsDue: s.itemsDue,
  answered: s.answered,
  answeredOnTime: s.answeredOnTime,
  medianWorkingDaysToAnswer: s.medianWorkingDaysToAnswer,
  openNow: s.openNow,
  overdueNow: s.overdueNow,
  recommendationsTotal: s.recommendationsTotal,
  recommendationsAccepted: s.recommendationsAccepted,
  recommendationsImplemented: s.recommendationsImplemented,
  recommendationsNotImplemented: s.recommendationsNotImplemented,
  petitionsAnswered: s.petitionsAnswered,
  informationRequestsAnswered: s.informationRequestsAnswered,
  informationRequestsRefused: s.informationRequestsRefused,
  computedAt: s.computedAt,
};

const agencyColumns = {
  id: agencies.id,
  slug: agencies.slug,
  nameKk: agencies.nameKk,
  nameRu: agencies.nameRu,
  nameEn: agencies.nameEn,
  level: agencies.level,
  regionCode: agencies.regionCode,
};

/** When the refresh job last ran. */
export async function scorecardsRefreshedAt(db: Executor): Promise<Date | null> {
  const [row] = await db.select({ refreshedAt: scorecardRefreshState.refreshedAt }).from(scorecardRefreshState).limit(1);
  return row?.refreshedAt ?? null;
}

/**
 * The league table: active agencies with something on their scorecard (a clock started or a
 * petition answered), ranked ones first in the chosen order, then those with too few settled items.
 */
export async function listScorecards(db: Executor, filters: ScorecardListFilters): Promise<ScorecardListPage> {
  const where = and(
    eq(agencies.active, true),
    or(gt(s.itemsDue, 0), gt(s.petitionsAnswered, 0)),
    filters.level ? eq(agencies.level, filters.level) : undefined,
  );
  const keys = sortKeys(filters.sort);
  const [{ total }] = await db.select({ total: count() }).from(s).innerJoin(agencies, eq(agencies.id, s.agencyId)).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / filters.perPage));
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select({
      agency: agencyColumns,
      figures: figureColumns,
      rank: sql<number | null>`case when ${rankedCondition} then (rank() over (partition by ${rankedCondition} order by ${sql.join(keys, sql`, `)}))::int end`,
    })
    .from(s)
    .innerJoin(agencies, eq(agencies.id, s.agencyId))
    .where(where)
    .orderBy(sql`${rankedCondition} desc`, ...keys, asc(nameColumn(filters.locale)), asc(agencies.id))
    .limit(filters.perPage)
    .offset((page - 1) * filters.perPage);
  return {
    items: rows.map((row) => ({ ...row, rank: row.rank === null ? null : Number(row.rank) })),
    page,
    perPage: filters.perPage,
    total: Number(total),
    pageCount,
    refreshedAt: await scorecardsRefreshedAt(db),
  };
}

const ZERO_FIGURES: ScorecardFiguresRow = { ...ZERO_SCORECARD_FIGURES, computedAt: null };

/**
 * An agency's scorecard with its region, by slug (a dissolved agency's record stays public);
 * zeros before its first refresh; null when no agency has the slug.
 */
export async function scorecardForAgency(db: Executor, slug: string) {
  const [row] = await db
    .select({ agency: agencyColumns, region: regions, figures: figureColumns, hasRow: sql<boolean>`${s.agencyId} is not null` })
    .from(agencies)
    .leftJoin(s, eq(s.agencyId, agencies.id))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencies.slug, slug));
  if (!row) return null;
  return {
    agency: row.agency,
    region: row.region,
    figures: row.hasRow ? (row.figures as ScorecardFiguresRow) : ZERO_FIGURES,
    refreshedAt: await scorecardsRefreshedAt(db),
  };
}

export type AgencyScorecardView = NonNullable<Awaited<ReturnType<typeof scorecardForAgency>>>;
