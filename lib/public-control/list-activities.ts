import { and, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { activities, agencies, informationRequests, organizations, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ActivityListQuery } from "./schema";
import { PUBLIC, type ActivityForm, type ActivityState, type SubjectType } from "./states";

// The public list of activities: the /activities page, the organization and agency pages and
// the open-data API read through here. Two queries per page whatever its length.

/** A localized name as stored: one column per language. */
export interface LocalizedNames {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** One activity as lists show it: public facts only. */
export interface ActivityListItem {
  id: string;
  number: number;
  title: string;
  subjectMatter: string;
  state: ActivityState;
  forms: ActivityForm[];
  subjectType: SubjectType;
  /** The citizen's display name for a citizen activity; null for an organization's. */
  citizenName: string | null;
  organization: { slug: string; name: string } | null;
  agency: LocalizedNames & { slug: string };
  plannedStart: string;
  plannedEnd: string;
  announcedAt: Date | null;
  completedAt: Date | null;
  finalDocumentDueOn: string | null;
  sentAt: Date | null;
  answerDueOn: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  /** Information requests past their due day without an answer, as of `today`. */
  overdueRequests: number;
}

export interface ActivityListPage {
  items: ActivityListItem[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
}

export type ActivityListFilters = Omit<ActivityListQuery, "state"> & { state?: string };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filters: ActivityListFilters): SQL[] {
  const where: SQL[] = [];
  const state = filters.state && (PUBLIC as readonly string[]).includes(filters.state) ? (filters.state as ActivityState) : null;
  where.push(state ? eq(activities.state, state) : inArray(activities.state, [...PUBLIC]));
  if (filters.agency) where.push(eq(agencies.slug, filters.agency));
  if (filters.organization) where.push(eq(organizations.slug, filters.organization));
  if (filters.form) where.push(sql`${activities.forms} @> array[${filters.form}]::text[]`);
  const q = filters.q?.trim();
  if (q) {
    // A query of only operators or punctuation parses to an empty tsquery: match titles instead.
    const query = sql`websearch_to_tsquery('simple', ${q})`;
    where.push(
      sql`((numnode(${query}) > 0 and ${activities.searchVector} @@ ${query}) or (numnode(${query}) = 0 and ${activities.title} ilike ${`%${escapeLike(q)}%`}))`,
    );
  }
  return where;
}

const columns = (today: string) => ({
  id: activities.id,
  number: activities.number,
  title: activities.title,
  subjectMatter: activities.subjectMatter,
  state: activities.state,
  forms: activities.forms,
  subjectType: activities.subjectType,
  citizenName: users.name,
  organizationSlug: organizations.slug,
  organizationName: organizations.name,
  agencySlug: agencies.slug,
  agencyNameKk: agencies.nameKk,
  agencyNameRu: agencies.nameRu,
  agencyNameEn: agencies.nameEn,
  plannedStart: activities.plannedStart,
  plannedEnd: activities.plannedEnd,
  announcedAt: activities.announcedAt,
  completedAt: activities.completedAt,
  finalDocumentDueOn: activities.finalDocumentDueOn,
  sentAt: activities.sentAt,
  answerDueOn: activities.answerDueOn,
  answeredAt: activities.answeredAt,
  closedAt: activities.closedAt,
  overdueRequests: sql<number>`(select count(*)::int from ${informationRequests} where ${informationRequests.activityId} = ${activities.id} and ${informationRequests.state} = 'pending' and ${informationRequests.dueOn} < ${today})`,
});

function baseQuery(db: Executor, today: string) {
  return db
    .select(columns(today))
    .from(activities)
    .innerJoin(agencies, eq(agencies.id, activities.agencyId))
    .innerJoin(users, eq(users.id, activities.subjectUserId))
    .leftJoin(organizations, eq(organizations.id, activities.organizationId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function toItem(row: Row): ActivityListItem {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    subjectMatter: row.subjectMatter,
    state: row.state,
    forms: row.forms,
    subjectType: row.subjectType,
    citizenName: row.subjectType === "citizen" ? row.citizenName : null,
    organization: row.organizationSlug ? { slug: row.organizationSlug, name: row.organizationName ?? "" } : null,
    agency: { slug: row.agencySlug, nameKk: row.agencyNameKk, nameRu: row.agencyNameRu, nameEn: row.agencyNameEn },
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    announcedAt: row.announcedAt,
    completedAt: row.completedAt,
    finalDocumentDueOn: row.finalDocumentDueOn,
    sentAt: row.sentAt,
    answerDueOn: row.answerDueOn,
    answeredAt: row.answeredAt,
    closedAt: row.closedAt,
    overdueRequests: Number(row.overdueRequests ?? 0),
  };
}

/** One page of public activities (never drafts), filtered and searched, the latest announced first. */
export async function listActivities(db: Executor, filters: ActivityListFilters, today: string): Promise<ActivityListPage> {
  const where = and(...conditions(filters));
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(db, today)
      .where(where)
      .orderBy(sql`${activities.announcedAt} desc nulls last`, desc(activities.number))
      .limit(filters.perPage)
      .offset((filters.page - 1) * filters.perPage),
    db
      .select({ total: count() })
      .from(activities)
      .innerJoin(agencies, eq(agencies.id, activities.agencyId))
      .leftJoin(organizations, eq(organizations.id, activities.organizationId))
      .where(where),
  ]);
  return {
    items: rows.map(toItem),
    total: Number(total),
    page: filters.page,
    perPage: filters.perPage,
    pageCount: Math.max(1, Math.ceil(Number(total) / filters.perPage)),
  };
}

/** The viewer's own drafts: their citizen drafts and the drafts of every organization they belong to. */
export async function listOwnDrafts(db: Executor, actor: Actor, today: string): Promise<ActivityListItem[]> {
  const organizationIds = actor.organizations.map((m) => m.organizationId);
  const mine = and(eq(activities.subjectType, "citizen"), eq(activities.subjectUserId, actor.id));
  const rows = await baseQuery(db, today)
    .where(and(eq(activities.state, "draft"), organizationIds.length ? or(mine, inArray(activities.organizationId, organizationIds)) : mine))
    .orderBy(desc(activities.number))
    .limit(50);
  return rows.map(toItem);
}

/** Agencies that are the object of at least one public activity, for the list's filter. */
export async function listObjectAgencyOptions(db: Executor): Promise<Array<LocalizedNames & { slug: string }>> {
  return db
    .selectDistinct({ slug: agencies.slug, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn })
    .from(agencies)
    .innerJoin(activities, eq(activities.agencyId, agencies.id))
    .where(inArray(activities.state, [...PUBLIC]))
    .orderBy(agencies.nameEn);
}
