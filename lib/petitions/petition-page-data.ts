import { timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { agencies, petitionResponses, petitions, regions, signatures } from "@/db/schema";
import type { AgencyLevel } from "@/db/schema/agencies";
import type { Executor } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { readCount, readDailyCounts, readRegionCounts } from "./counts";
import type { LocalizedNames } from "./list-petitions";
import { readPetitionTimeline, type TimelineEntry } from "./petition-timeline";
import { readPetitionSettings } from "./settings";
import { readRecentSigners, type RecentSigner } from "./recent-signers";
import { normalizeEmail } from "./normalize-email";
import { isSerialNumber } from "@/lib/validation/numbers";
import { PRIVATELY_SHOWN, PUBLIC, SIGNABLE, type PetitionState, type RejectionReason, type ResponseDecision } from "./states";

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
  /** While moderators check it: the working day they must decide by. */
  moderationDueOn: string | null;
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
  /** True when shown through the creator's private link (gathering support or awaiting moderation). */
  viaSupportLink: boolean;
  /** Not public yet: shown to the private link's holder, the creator or a supporter only, never to be indexed or cached for others. */
  privately: boolean;
  /** The signed-in viewer's own counted signature on it, if any. */
  mySignature: { id: number; confirmedAt: Date } | null;
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
  /** The latest counted signers by the name each chose to show (none for a rejected petition). */
  recentSigners: RecentSigner[];
}

function tokensMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who is looking, when signed in: the creator and the supporters may see their petition before it is public. */
export interface PetitionViewer {
  id: string;
  email: string;
}

/**
 * A petition a visitor may see: a public state; or, before it is public (gathering support,
 * awaiting moderation), through the creator's private link (`supportToken`), or to its
 * creator or one of its supporters signed in. Anything else — unknown, draft, hidden,
 * expired — is null, so callers answer 404 without saying which.
 */
export async function findPublicPetition(
  db: Executor,
  number: number,
  supportToken?: string | null,
  viewer?: PetitionViewer | null,
): Promise<{ petition: PublicPetition; viaSupportLink: boolean; privately: boolean } | null> {
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
  const privateState = PRIVATELY_SHOWN.includes(p.state);
  const viaSupportLink = privateState && Boolean(supportToken) && tokensMatch(p.supportToken, supportToken!);
  const ownOrSupported = privateState && !viaSupportLink && !!viewer && (p.creatorId === viewer.id || (await viewerSignature(db, p.id, viewer)) !== null);
  if (!isPublic && !viaSupportLink && !ownOrSupported) return null;
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
    privately: !isPublic,
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
      moderationDueOn: p.state === "awaiting_moderation" ? p.moderationDueOn : null,
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
  /** The signed-in person looking, if any: their own signature is shown, and the creator and supporters see a petition before it is public. */
  viewer?: PetitionViewer | null;
  now?: Date;
}): Promise<PetitionPageData | null> {
  const { db, number, supportToken, viewer, now = new Date() } = options;
  const found = await findPublicPetition(db, number, supportToken, viewer);
  if (!found) return null;
  const { petition, viaSupportLink, privately } = found;
  const signable = SIGNABLE.includes(petition.state);
  const [counts, regionRows, dailyRows, responseRows, timeline, allRegions, settings, recentSigners] = await Promise.all([
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
    petition.state === "rejected" ? Promise.resolve([]) : readRecentSigners(db, petition.id),
  ]);
  const mine = viewer ? await viewerSignature(db, petition.id, viewer) : null;
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
    privately,
    mySignature: mine?.state === "confirmed" && mine.confirmedAt ? { id: mine.id, confirmedAt: mine.confirmedAt } : null,
    counts,
    regionCounts,
    dailyCounts: dailyRows.map((row) => ({ day: row.day, signatures: row.confirmed })),
    response,
    timeline,
    progress:
      PRIVATELY_SHOWN.includes(petition.state)
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
    recentSigners,
  };
}

/**
 * The viewer's own signature on a petition that still stands (pending or confirmed), by their
 * address: signed in and signing as themselves, or signed by e-mail and signed in later. One
 * probe of the unique (petition, address) index — never a walk of a viral petition's rows.
 */
export async function viewerSignature(db: Executor, petitionId: string, viewer: PetitionViewer) {
  const [row] = await db
    .select({ id: signatures.id, state: signatures.state, confirmedAt: signatures.confirmedAt })
    .from(signatures)
    .where(
      and(
        eq(signatures.petitionId, petitionId),
        eq(signatures.emailNormalized, normalizeEmail(viewer.email)),
        inArray(signatures.state, ["pending", "confirmed"]),
      ),
    )
    .limit(1);
  return row ?? null;
}
