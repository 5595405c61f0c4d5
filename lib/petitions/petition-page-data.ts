import { timingSafeEqual } from "node:crypto";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { agencies, petitionResponses, petitions, regions } from "@/db/schema";
import type { AgencyLevel } from "@/db/schema/agencies";
import type { Executor } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { readCount, readDailyCounts, readRegionCounts } from "./counts";
import type { LocalizedNames } from "./list-petitions";
import { readPetitionTimeline, type TimelineEntry } from "./petition-timeline";
import { readPetitionSettings } from "./settings";
import { PUBLIC, SIGNABLE, type PetitionState, type RejectionReason, type ResponseDecision } from "./states";
import { isSerialNumber } from "@/lib/validation/numbers";

/** The public facts of one petition: no creator, no support token, no moderator's note. */
export interface PublicPetition {
  id: string;
  number: number;
  title: string;
  request: string;
  reasons: string;
  state: PetitionState;
  agency: LocalizedNames & { id: string; slug: string; level: AgencyLevel };
  region: (LocalizedNames & { code: string }) | null;
  supportThreshold: number | null;
  supportDeadline: string | null;
  responseThreshold: number | null;
  openedAt: Date | null;
  closesOn: string | null;
  closedAt: Date | null;
  thresholdReachedAt: Date | null;
  responseDueOn: string | null;
  respondedAt: Date | null;
  rejectionReason: RejectionReason | null;
  /** The moderator's public note and suggested addressee, for a rejected petition. */
  moderationNote: string | null;
  suggestedAgency: (LocalizedNames & { slug: string }) | null;
}

/** The addressee's published answer. */
export interface PublishedResponse {
  decision: ResponseDecision;
  reasons: string;
  measures: Array<{ text: string; dueOn: string | null }>;
  publishedAt: Date;
}

/** Everything the petition page and the API's detail show. */
export interface PetitionPageData {
  petition: PublicPetition;
  /** True when shown through the creator's private link while gathering support. */
  viaSupportLink: boolean;
  counts: { confirmed: number; invalidated: number };
  /** Confirmed signatures per region, most first, with the region's names. */
  regionCounts: Array<LocalizedNames & { code: string; signatures: number }>;
  /** Net confirmed signatures per Almaty day, oldest first. */
  dailyCounts: Array<{ day: string; signatures: number }>;
  response: PublishedResponse | null;
  timeline: TimelineEntry[];
  /** Towards what the bar fills: supporters before moderation, or the answer threshold. */
  progress: { kind: "support" | "response"; value: number; target: number | null };
  deadlines: {
    today: string;
    closesOn: string | null;
    supportDeadline: string | null;
    responseDueOn: string | null;
    /** Working days from today to the due day (negative once past); null without a running clock. */
    workingDaysLeft: number | null;
    /** The answer is late: past its due day and still not published. */
    overdue: boolean;
  };
  /** Whether the sign form is shown, with what it needs. */
  signing: { open: boolean; regions: Array<{ code: string } & LocalizedNames>; requireIin: boolean };
}

function tokensMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A petition a visitor may see: a public state, or gathering support when `supportToken` is
 * the creator's private link. Anything else — unknown, draft, hidden, expired — is null, so
 * callers answer 404 without saying which.
 */
export async function findPublicPetition(
  db: Executor,
  number: number,
  supportToken?: string | null,
): Promise<{ petition: PublicPetition; viaSupportLink: boolean } | null> {
  if (!isSerialNumber(number)) return null;
  const [row] = await db
    .select({
      petition: petitions,
      agency: { id: agencies.id, slug: agencies.slug, level: agencies.level, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn },
      region: { code: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu, nameEn: regions.nameEn },
    })
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .leftJoin(regions, eq(regions.code, petitions.regionCode))
    .where(eq(petitions.number, number));
  if (!row) return null;
  const p = row.petition;
  const isPublic = PUBLIC.includes(p.state);
  const viaSupportLink = !isPublic && p.state === "gathering_support" && Boolean(supportToken) && tokensMatch(p.supportToken, supportToken!);
  if (!isPublic && !viaSupportLink) return null;
  const rejected = p.state === "rejected";
  const [suggested] =
    rejected && p.suggestedAgencyId
      ? await db
          .select({ slug: agencies.slug, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn })
          .from(agencies)
          .where(eq(agencies.id, p.suggestedAgencyId))
      : [];
  return {
    viaSupportLink,
    petition: {
      id: p.id,
      number: p.number,
      title: p.title,
      request: p.request,
      reasons: p.reasons,
      state: p.state,
      agency: row.agency,
      region: row.region?.code ? { code: row.region.code, nameKk: row.region.nameKk, nameRu: row.region.nameRu, nameEn: row.region.nameEn } : null,
      supportThreshold: p.supportThreshold,
      supportDeadline: p.supportDeadline,
      responseThreshold: p.responseThreshold,
      openedAt: p.openedAt,
      closesOn: p.closesOn,
      closedAt: p.closedAt,
      thresholdReachedAt: p.thresholdReachedAt,
      responseDueOn: p.responseDueOn,
      respondedAt: p.respondedAt,
      rejectionReason: rejected ? p.rejectionReason : null,
      moderationNote: rejected ? p.moderationNote : null,
      suggestedAgency: suggested ?? null,
    },
  };
}

/**
 * Loads one petition's page: counts from the count tables, the history from the event log,
 * the published answer and the deadlines. A fixed handful of queries; null when not visible.
 */
export async function loadPetitionPageData(options: {
  db: Executor;
  number: number;
  supportToken?: string | null;
  now?: Date;
}): Promise<PetitionPageData | null> {
  const { db, number, supportToken, now = new Date() } = options;
  const found = await findPublicPetition(db, number, supportToken);
  if (!found) return null;
  const { petition, viaSupportLink } = found;
  const signable = SIGNABLE.includes(petition.state);
  const [counts, regionRows, dailyRows, responseRows, timeline, allRegions, settings] = await Promise.all([
    readCount(db, petition.id),
    readRegionCounts(db, petition.id),
    readDailyCounts(db, petition.id),
    db
      .select()
      .from(petitionResponses)
      .where(and(eq(petitionResponses.petitionId, petition.id), isNotNull(petitionResponses.publishedAt))),
    readPetitionTimeline(db, petition.id),
    db
      .select({ code: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu, nameEn: regions.nameEn })
      .from(regions)
      .orderBy(asc(regions.kind), asc(regions.nameEn)),
    signable ? readPetitionSettings(db) : Promise.resolve(null),
  ]);
  const responseRow = responseRows[0];
  const response: PublishedResponse | null = responseRow
    ? { decision: responseRow.decision, reasons: responseRow.reasons, measures: responseRow.measures ?? [], publishedAt: responseRow.publishedAt! }
    : null;
  const regionByCode = new Map(allRegions.map((r) => [r.code, r]));
  const regionCounts = regionRows.map((row) => {
    const region = regionByCode.get(row.regionCode);
    return {
      code: row.regionCode,
      nameKk: region?.nameKk ?? row.regionCode,
      nameRu: region?.nameRu ?? row.regionCode,
      nameEn: region?.nameEn ?? row.regionCode,
      signatures: row.confirmed,
    };
  });

  const today = toDayString(now);
  const clockRunning = petition.responseDueOn !== null && !response && (petition.state === "open" || petition.state === "closed");
  const calendar = clockRunning ? await loadCalendar(db) : null;
  const workingDaysLeft = calendar && petition.responseDueOn ? calendar.countWorkingDaysBetween(today, petition.responseDueOn) : null;

  return {
    petition,
    viaSupportLink,
    counts,
    regionCounts,
    dailyCounts: dailyRows.map((row) => ({ day: row.day, signatures: row.confirmed })),
    response,
    timeline,
    progress:
      petition.state === "gathering_support"
        ? { kind: "support", value: counts.confirmed, target: petition.supportThreshold }
        : { kind: "response", value: counts.confirmed, target: petition.responseThreshold },
    deadlines: {
      today,
      closesOn: petition.closesOn,
      supportDeadline: petition.supportDeadline,
      responseDueOn: petition.responseDueOn,
      workingDaysLeft,
      overdue: clockRunning && today > petition.responseDueOn!,
    },
    signing: { open: signable, regions: allRegions, requireIin: settings?.requireIin ?? false },
  };
}
