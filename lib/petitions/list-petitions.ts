import { and, asc, count, desc, eq, exists, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { agencies, petitionResponses, petitions, petitionTotals, regions } from "@/db/schema";
import type { AgencyLevel } from "@/db/schema/agencies";
import type { Executor } from "@/db/client";
import { readCounts } from "./counts";
import { PETITION_SORTS, petitionListSchema } from "./schema";
import { LISTED_BY_DEFAULT, PUBLIC } from "./states";

// The public lists: the /petitions page, the home page and the open-data API all read through
// here. Every list costs a fixed number of queries (rows, total, counts) whatever its length.

/** The states a visitor can see. */
export type PublicPetitionState = "open" | "closed" | "responded" | "rejected";

/** The list's state filter: a public state, or "awaiting_response" (threshold reached, no answer yet). */
export const PETITION_STATE_FILTERS = petitionListSchema.shape.state.unwrap().unwrap().options;
export type PetitionStateFilter = (typeof PETITION_STATE_FILTERS)[number];

/** The list's orders; "relevance" (ts_rank) only means something with a search text. */
export const PETITION_LIST_SORTS = [...PETITION_SORTS, "relevance"] as const;
export type PetitionListSort = (typeof PETITION_LIST_SORTS)[number];

/** What a list asks for, already validated (by petitionListSchema or the API's strict variant). */
export interface PetitionListFilters {
  q?: string;
  state?: PetitionStateFilter;
  /** The addressee's slug. */
  agency?: string;
  /** A region code (the petition's region). */
  region?: string;
  sort: PetitionListSort;
  page: number;
  perPage: number;
}

/** A localized name as stored: one column per language. */
export interface LocalizedNames {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** One petition as lists show it: public facts and its counts, never the support token. */
export interface PetitionListItem {
  id: string;
  number: number;
  title: string;
  request: string;
  state: PublicPetitionState;
  agency: LocalizedNames & { slug: string; level: AgencyLevel };
  region: (LocalizedNames & { code: string }) | null;
  openedAt: Date | null;
  closesOn: string | null;
  closedAt: Date | null;
  thresholdReachedAt: Date | null;
  responseDueOn: string | null;
  respondedAt: Date | null;
  responseThreshold: number | null;
  signatures: number;
  invalidated: number;
}

/** One page of a list. */
export interface PetitionListPage {
  items: PetitionListItem[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
}

/**
 * The order a list uses: the one asked for when it is known; otherwise best match first when
 * there is a search text, most signed when there is none.
 */
export function resolveListSort(q: string | undefined, requested: unknown): PetitionListSort {
  const hasText = Boolean(q?.trim());
  if (typeof requested === "string" && (PETITION_LIST_SORTS as readonly string[]).includes(requested)) {
    const sort = requested as PetitionListSort;
    return sort === "relevance" && !hasText ? "most_signed" : sort;
  }
  return hasText ? "relevance" : "most_signed";
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The search query; 'simple' keeps Kazakh and Russian words as written (no stemming). */
function tsQuery(q: string): SQL {
  return sql`websearch_to_tsquery('simple', ${q})`;
}

/** A published answer exists. */
const hasPublishedResponse = () =>
  exists(
    sql`(select 1 from ${petitionResponses} where ${petitionResponses.petitionId} = ${petitions.id} and ${petitionResponses.publishedAt} is not null)`,
  );

/** Open or closed, past the response threshold, no published answer: the addressee owes one. */
export function awaitingResponseCondition(): SQL {
  return and(inArray(petitions.state, ["open", "closed"]), isNotNull(petitions.thresholdReachedAt), sql`not ${hasPublishedResponse()}`)!;
}

/**
 * A search that is a petition number ("32", "#32", "No. 32", "№ 32"): people quote the number
 * they saw on a page or in a letter. The petition's own row matches besides the text matches.
 */
export function petitionNumberIn(q: string | undefined): number | null {
  const match = /^(?:#|№|no\.?)?\s*(\d{1,9})$/i.exec(q?.trim() ?? "");
  return match ? Number(match[1]) : null;
}

function filterConditions(filters: Pick<PetitionListFilters, "q" | "state" | "agency" | "region">): SQL[] {
  const conditions: SQL[] = [];
  const q = filters.q?.trim();
  const number = petitionNumberIn(q);
  let textMatch: SQL | undefined;
  if (q) {
    // A query of only operators or punctuation parses to an empty tsquery: match titles instead.
    const query = tsQuery(q);
    textMatch = sql`((numnode(${query}) > 0 and ${petitions.searchVector} @@ ${query}) or (numnode(${query}) = 0 and ${petitions.title} ilike ${`%${escapeLike(q)}%`}))`;
  }
  if (!filters.state) {
    const listed = inArray(petitions.state, [...LISTED_BY_DEFAULT]);
    // Asked for by its number, any public petition is found, a rejected one too.
    conditions.push(number === null ? listed : or(and(listed, textMatch), and(inArray(petitions.state, [...PUBLIC]), eq(petitions.number, number)))!);
  } else if (filters.state === "awaiting_response") conditions.push(awaitingResponseCondition());
  else conditions.push(eq(petitions.state, filters.state));
  // The addressee by its slug in a subquery, so that counting and ordering need no join to agencies.
  if (filters.agency) conditions.push(sql`${petitions.agencyId} = (select ${agencies.id} from ${agencies} where ${agencies.slug} = ${filters.agency})`);
  if (filters.region) conditions.push(eq(petitions.regionCode, filters.region));
  if (textMatch && (number === null || filters.state)) {
    conditions.push(number === null ? textMatch : or(textMatch, eq(petitions.number, number))!);
  }
  return conditions;
}

/**
 * "Most signed" order (the numbers shown come from readCounts): the petition's row in
 * petition_totals, joined by selectRows, newest first among equals — exactly the order of the
 * index petition_totals_most_signed_idx, so a list page is an index scan, not a sort of every
 * petition.
 */
const mostSignedFirst = () => [sql`${petitionTotals.confirmed} desc nulls last`, sql`${petitionTotals.number} desc nulls last`];

function orderFor(sort: PetitionListSort, q: string | undefined): SQL[] {
  const tiebreak = desc(petitions.number);
  switch (sort) {
    case "relevance": {
      if (!q?.trim()) return mostSignedFirst();
      const number = petitionNumberIn(q);
      const byRank = [sql`ts_rank(${petitions.searchVector}, ${tsQuery(q.trim())}) desc`, ...mostSignedFirst()];
      // The petition with the number asked for comes first, before petitions that merely mention it.
      return number === null ? byRank : [sql`(${petitions.number} = ${number}) desc`, ...byRank];
    }
    case "newest":
      return [sql`${petitions.openedAt} desc nulls last`, tiebreak];
    case "closing_soon":
      // Still-open petitions first, the nearest closing day first among them.
      return [sql`(${petitions.state} = 'open') desc`, sql`${petitions.closesOn} asc nulls last`, tiebreak];
    case "most_signed":
    default:
      return mostSignedFirst();
  }
}

const listColumns = {
  id: petitions.id,
  number: petitions.number,
  title: petitions.title,
  request: petitions.request,
  state: petitions.state,
  openedAt: petitions.openedAt,
  closesOn: petitions.closesOn,
  closedAt: petitions.closedAt,
  thresholdReachedAt: petitions.thresholdReachedAt,
  responseDueOn: petitions.responseDueOn,
  respondedAt: petitions.respondedAt,
  responseThreshold: petitions.responseThreshold,
  agencySlug: agencies.slug,
  agencyLevel: agencies.level,
  agencyNameKk: agencies.nameKk,
  agencyNameRu: agencies.nameRu,
  agencyNameEn: agencies.nameEn,
  regionCode: regions.code,
  regionNameKk: regions.nameKk,
  regionNameRu: regions.nameRu,
  regionNameEn: regions.nameEn,
};

function selectRows(db: Executor, where: SQL | undefined, orderBy: SQL[], limit: number, offset = 0) {
  return db
    .select(listColumns)
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .leftJoin(regions, eq(regions.code, petitions.regionCode))
    .innerJoin(petitionTotals, eq(petitionTotals.petitionId, petitions.id))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit)
    .offset(offset);
}

/**
 * A page of a search's rows. A common word can match every petition ("budget", or "the" and
 * "в", which the simple configuration keeps): ordering all of them with every column of the
 * list and their addressee's and region's names made a search of 10,000 petitions take 23–25 ms,
 * against 16–17 ms when only their ids are ordered (BENCHMARKS.md, session 6). So a
 * search orders ids first, then reads the page's rows by id, in the same order (every order
 * ends on a unique number). Without a search text the list's orders are index scans that stop
 * after a page, and one query does.
 */
async function selectPageRows(db: Executor, filters: PetitionListFilters, where: SQL | undefined, orderBy: SQL[]) {
  const offset = (filters.page - 1) * filters.perPage;
  if (!filters.q?.trim()) return selectRows(db, where, orderBy, filters.perPage, offset);
  const ids = await db
    .select({ id: petitions.id })
    .from(petitions)
    .innerJoin(petitionTotals, eq(petitionTotals.petitionId, petitions.id))
    .where(where)
    .orderBy(...orderBy)
    .limit(filters.perPage)
    .offset(offset);
  if (ids.length === 0) return [];
  return selectRows(
    db,
    inArray(
      petitions.id,
      ids.map((row) => row.id),
    ),
    orderBy,
    filters.perPage,
  );
}

type ListRow = Awaited<ReturnType<typeof selectRows>>[number];

function toItem(row: ListRow, counts: Map<string, { confirmed: number; invalidated: number }>): PetitionListItem {
  const count = counts.get(row.id) ?? { confirmed: 0, invalidated: 0 };
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    request: row.request,
    state: row.state as PublicPetitionState,
    agency: { slug: row.agencySlug, level: row.agencyLevel, nameKk: row.agencyNameKk, nameRu: row.agencyNameRu, nameEn: row.agencyNameEn },
    region: row.regionCode
      ? { code: row.regionCode, nameKk: row.regionNameKk ?? row.regionCode, nameRu: row.regionNameRu ?? row.regionCode, nameEn: row.regionNameEn ?? row.regionCode }
      : null,
    openedAt: row.openedAt,
    closesOn: row.closesOn,
    closedAt: row.closedAt,
    thresholdReachedAt: row.thresholdReachedAt,
    responseDueOn: row.responseDueOn,
    respondedAt: row.respondedAt,
    responseThreshold: row.responseThreshold,
    signatures: count.confirmed,
    invalidated: count.invalidated,
  };
}

/** One page of public petitions, filtered, searched and sorted. Three queries: rows, total, counts. */
export async function listPetitions(db: Executor, filters: PetitionListFilters): Promise<PetitionListPage> {
  const where = and(...filterConditions(filters));
  const [rows, [{ total }]] = await Promise.all([
    selectPageRows(db, filters, where, orderFor(filters.sort, filters.q)),
    db.select({ total: count() }).from(petitions).where(where),
  ]);
  const counts = await readCounts(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => toItem(row, counts)),
    total: Number(total),
    page: filters.page,
    perPage: filters.perPage,
    pageCount: Math.max(1, Math.ceil(Number(total) / filters.perPage)),
  };
}

/** The three lists of the home page. */
export interface HomePetitionLists {
  mostSigned: PetitionListItem[];
  recentlyAnswered: PetitionListItem[];
  awaitingAnswer: PetitionListItem[];
}

/**
 * The home page's lists: the most signed open petitions, the latest answered, and those
 * whose answer is due soonest. Four queries in all (three lists, one read of their counts).
 */
export async function listHomePetitions(db: Executor, limit = 6): Promise<HomePetitionLists> {
  const [mostSigned, recentlyAnswered, awaitingAnswer] = await Promise.all([
    selectRows(db, eq(petitions.state, "open"), orderFor("most_signed", undefined), limit),
    selectRows(db, eq(petitions.state, "responded"), [sql`${petitions.respondedAt} desc nulls last`, desc(petitions.number)], limit),
    selectRows(db, awaitingResponseCondition(), [asc(petitions.responseDueOn), asc(petitions.number)], limit),
  ]);
  const ids = [...new Set([...mostSigned, ...recentlyAnswered, ...awaitingAnswer].map((row) => row.id))];
  const counts = await readCounts(db, ids);
  return {
    mostSigned: mostSigned.map((row) => toItem(row, counts)),
    recentlyAnswered: recentlyAnswered.map((row) => toItem(row, counts)),
    awaitingAnswer: awaitingAnswer.map((row) => toItem(row, counts)),
  };
}

/** Addressees for the list's filter: every active agency, with its names. */
export async function listAddresseeOptions(db: Executor): Promise<Array<LocalizedNames & { slug: string }>> {
  return db
    .select({ slug: agencies.slug, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.active, true))
    .orderBy(asc(agencies.nameEn));
}
