// Demo petitions in every public state, with invented signers. Run once, on an empty database.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { agencies, events, petitionResponses, petitions, regions, signatures, users } from "../schema";
import { applyCountDeltas, type CountDelta } from "../../lib/petitions/counts";
import { toDayString } from "../../lib/calendar/working-days";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { readPetitionSettings } from "../../lib/petitions/settings";

const FIRST_NAMES = ["Aigerim", "Nurlan", "Dana", "Yerlan", "Madina", "Arman", "Aliya", "Timur", "Saule", "Daniyar", "Zhanar", "Bauyrzhan", "Olga", "Sergey", "Gulnara", "Askar"];
const SURNAMES = ["Akhmetova", "Seitkali", "Nurpeisova", "Omarov", "Zhaksybekova", "Ivanova", "Tokayev", "Bekova", "Kim", "Suleimenov", "Abenova", "Petrov"];

interface DemoPetition {
  agencySlug: string;
  creatorEmail: string;
  title: string;
  request: string;
  reasons: string;
  state: "draft" | "gathering_support" | "awaiting_moderation" | "open" | "responded" | "rejected";
  signatures: number;
  daysAgo: number;
  thresholdReached?: boolean;
  /** Days since the threshold was reached (10 unless given): past the clock, the answer is overdue. */
  thresholdDaysAgo?: number;
  response?: { decision: "supported" | "partially_supported" | "not_supported"; reasons: string; measures: Array<{ text: string; dueOn: string | null }> };
  rejection?: "duplicate" | "outside_powers" | "unclear";
}

const DEMO: DemoPetition[] = [
  {
    agencySlug: "akimat-astana",
    creatorEmail: "citizen@demo.birge.kz",
    title: "Build a pedestrian bridge over Kabanbay Batyr Avenue at school No. 45",
    request: "Build a pedestrian bridge or an underpass over Kabanbay Batyr Avenue next to school No. 45 before the next school year.",
    reasons: "Every morning about 900 children cross six lanes of traffic at an unregulated crossing. Two pupils were hurt there in 2026. The nearest safe crossing is 700 metres away.",
    state: "open",
    signatures: 1340,
    daysAgo: 21,
  },
  {
    agencySlug: "akimat-almaty",
    creatorEmail: "citizen2@demo.birge.kz",
    title: "Keep the Medeu trail open to pedestrians all year",
    request: "Keep the pedestrian trail from Medeu to Shymbulak open in winter and clear it of ice.",
    reasons: "The trail is the only safe walking route to the mountains and is used by thousands of residents every weekend.",
    state: "open",
    signatures: 2620,
    daysAgo: 40,
    thresholdReached: true,
    // Its 20 working days ran out: the public sees the akimat's answer is overdue.
    thresholdDaysAgo: 36,
  },
  {
    // Waits for the Akimat of Astana's answer: the demo agency staff and supervisor work on it.
    agencySlug: "akimat-astana",
    creatorEmail: "citizen2@demo.birge.kz",
    title: "Open school sports grounds in Saryarka district to residents in the evenings",
    request: "Open the sports grounds of the district's schools to residents from 18:00 to 22:00 on weekdays and all day at weekends.",
    reasons: "The district has no public sports grounds; the school grounds stand locked every evening while children play in the car parks.",
    state: "open",
    signatures: 2540,
    daysAgo: 35,
    thresholdReached: true,
  },
  {
    agencySlug: "ministry-health",
    creatorEmail: "citizen@demo.birge.kz",
    title: "Publish waiting times for planned surgery in every hospital",
    request: "Publish, every month, the average waiting time for planned surgery in each public hospital.",
    reasons: "Patients cannot choose a hospital without knowing how long they will wait; the data already exists in the health information system.",
    state: "open",
    signatures: 410,
    daysAgo: 9,
  },
  {
    agencySlug: "maslikhat-shymkent",
    creatorEmail: "citizen2@demo.birge.kz",
    title: "Add evening bus routes to the new residential districts",
    request: "Add bus routes serving the new residential districts after 21:00.",
    reasons: "Residents of the new districts cannot get home from work after nine in the evening without a taxi.",
    state: "responded",
    signatures: 5120,
    daysAgo: 80,
    thresholdReached: true,
    response: {
      decision: "partially_supported",
      reasons: "Two evening routes will be added from March; a third needs a new depot and is included in the 2027 budget request.",
      measures: [
        { text: "Evening routes 12 and 47 extended to 23:30", dueOn: "2027-03-01" },
        { text: "Budget request for a depot in the southern districts", dueOn: "2027-06-30" },
      ],
    },
  },
  {
    agencySlug: "ministry-transport",
    creatorEmail: "citizen@demo.birge.kz",
    title: "Dismiss the minister of transport",
    request: "Dismiss the minister of transport.",
    reasons: "Roads are bad.",
    state: "rejected",
    signatures: 0,
    daysAgo: 30,
    rejection: "outside_powers",
  },
  {
    agencySlug: "akimat-astana-yesil",
    creatorEmail: "citizen2@demo.birge.kz",
    title: "Install lighting in the park along the Yesil embankment",
    request: "Install street lighting along the footpaths of the park on the Yesil embankment.",
    reasons: "The paths are dark after 18:00 from October to March and people avoid the park in the evening.",
    state: "awaiting_moderation",
    signatures: 52,
    daysAgo: 6,
  },
  {
    agencySlug: "akimat-karaganda-region",
    creatorEmail: "citizen@demo.birge.kz",
    title: "Restore the suburban train between Karaganda and Temirtau",
    request: "Restore the suburban train service between Karaganda and Temirtau with at least four trains a day.",
    reasons: "Thousands commute between the two cities; buses take twice as long in winter.",
    state: "gathering_support",
    signatures: 12,
    daysAgo: 2,
  },
];

/** A fraction in [0, 1) that looks random but is the same on every run. */
function spread(i: number, salt: number): number {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43_758.5453;
  return x - Math.floor(x);
}

/**
 * Where the i-th signer lives: about half in the addressee's own region, the rest skewed toward
 * a few regions (the square of a uniform draw), so each petition's regional figures differ.
 */
function demoRegion(i: number, petitionNumber: number, home: string | null, regionCodes: string[]): string {
  if (home && spread(i, petitionNumber) < 0.5) return home;
  const offset = petitionNumber * 5;
  return regionCodes[(Math.floor(spread(i, petitionNumber + 97) ** 2 * regionCodes.length) + offset) % regionCodes.length];
}

function signerName(i: number): string {
  return `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[(i * 7) % SURNAMES.length]}`;
}

export async function seedDemoPetitions(db: Database, now: Date = new Date()): Promise<void> {
  const existing = await db.select({ id: petitions.id }).from(petitions).limit(1);
  if (existing.length) return;
  const regionCodes = (await db.select({ code: regions.code }).from(regions)).map((r) => r.code);
  // Response clocks as reachThresholds sets them: working days from the threshold day.
  const [calendar, settings] = await Promise.all([loadCalendar(db), readPetitionSettings(db)]);
  for (const demo of DEMO) {
    await db.transaction(async (tx) => {
      const [agency] = await tx.select().from(agencies).where(eq(agencies.slug, demo.agencySlug));
      const [creator] = await tx.select().from(users).where(eq(users.email, demo.creatorEmail));
      if (!agency || !creator) return;
      const created = new Date(now.getTime() - demo.daysAgo * 86_400_000);
      const opened = new Date(created.getTime() + 3 * 86_400_000);
      const isOpenish = ["open", "responded"].includes(demo.state);
      const thresholdAt = new Date(now.getTime() - (demo.thresholdDaysAgo ?? 10) * 86_400_000);
      const threshold = agency.level === "national_body" ? 50_000 : agency.level === "city_maslikhat" ? 5_000 : 2_500;
      const [petition] = await tx
        .insert(petitions)
        .values({
          creatorId: creator.id,
          agencyId: agency.id,
          regionCode: agency.regionCode,
          title: demo.title,
          request: demo.request,
          reasons: demo.reasons,
          state: demo.state,
          supportToken: randomBytes(18).toString("base64url"),
          supportThreshold: 50,
          // Due days come from the working-day calendar, as submitPetition and reachThresholds set them:
          // a count of calendar days lands on weekends and holidays (it showed "decide by" on a Sunday).
          supportDeadline: calendar.addWorkingDays(toDayString(created), settings.supportWorkingDays),
          submittedAt: demo.state === "draft" ? null : created,
          moderationQueuedAt: demo.state === "awaiting_moderation" ? new Date(now.getTime() - 2 * 86_400_000) : null,
          moderationDueOn:
            demo.state === "awaiting_moderation" ? calendar.addWorkingDays(toDayString(new Date(now.getTime() - 2 * 86_400_000)), settings.moderationWorkingDays) : null,
          openedAt: isOpenish ? opened : null,
          closesOn: isOpenish ? toDayString(new Date(opened.getTime() + 182 * 86_400_000)) : null,
          responseThreshold: isOpenish ? threshold : null,
          responseWorkingDays: isOpenish ? (agency.level === "national_body" ? 40 : 20) : null,
          thresholdReachedAt: demo.thresholdReached ? thresholdAt : null,
          responseDueOn: demo.thresholdReached
            ? calendar.addWorkingDays(toDayString(thresholdAt), agency.level === "national_body" ? 40 : 20)
            : null,
          respondedAt: demo.response ? new Date(now.getTime() - 2 * 86_400_000) : null,
          rejectionReason: demo.rejection ?? null,
          moderationNote: demo.rejection ? "Demands to dismiss officials are not admissible as petitions." : null,
          createdAt: created,
          updatedAt: now,
        })
        .returning();
      await tx.insert(events).values({ entityType: "petition", entityId: petition.id, actorId: creator.id, action: "created", toState: "draft", occurredAt: created });
      if (demo.state !== "draft") {
        await tx.insert(events).values({ entityType: "petition", entityId: petition.id, actorId: creator.id, action: "submitted", fromState: "draft", toState: "gathering_support", occurredAt: created });
      }
      if (isOpenish || demo.state === "rejected") {
        await tx.insert(events).values({ entityType: "petition", entityId: petition.id, actorId: null, action: "support_reached", fromState: "gathering_support", toState: "awaiting_moderation", occurredAt: new Date(created.getTime() + 86_400_000) });
        await tx.insert(events).values({
          entityType: "petition",
          entityId: petition.id,
          actorId: null,
          action: demo.rejection ? "rejected" : "approved",
          fromState: "awaiting_moderation",
          toState: demo.rejection ? "rejected" : "open",
          reason: demo.rejection ?? null,
          occurredAt: opened,
        });
      }
      if (demo.thresholdReached) {
        await tx.insert(events).values({ entityType: "petition", entityId: petition.id, actorId: null, action: "threshold_reached", fromState: "open", toState: "open", occurredAt: petition.thresholdReachedAt! });
      }
      if (demo.response) {
        await tx.insert(petitionResponses).values({ petitionId: petition.id, ...demo.response, publishedAt: petition.respondedAt, publishedBy: null });
        await tx.insert(events).values({ entityType: "petition", entityId: petition.id, actorId: null, action: "responded", fromState: "open", toState: "responded", occurredAt: petition.respondedAt! });
      }
      // Signers, spread over regions and days since the petition opened (or was submitted).
      const start = (isOpenish ? opened : created).getTime();
      const span = Math.max(1, now.getTime() - start);
      const rows = [];
      const deltas: CountDelta[] = [];
      for (let i = 0; i < demo.signatures; i++) {
        const confirmedAt = new Date(start + Math.floor((span * (i * i)) / (demo.signatures * demo.signatures)));
        const regionCode = demoRegion(i, petition.number, agency.regionCode, regionCodes);
        const email = `signer${i}.${petition.number}@demo.birge.kz`;
        rows.push({
          petitionId: petition.id,
          fullName: signerName(i),
          nameDisplay: (["initials", "full", "hidden"] as const)[i % 3],
          email,
          emailNormalized: email,
          emailDomain: "demo.birge.kz",
          regionCode,
          locale: (["kk", "ru", "en"] as const)[i % 3],
          state: "confirmed" as const,
          confirmedAt,
          createdAt: confirmedAt,
          ipAddress: `203.0.113.${i % 250}`,
        });
        deltas.push({ petitionId: petition.id, regionCode, day: toDayString(confirmedAt), confirmed: 1 });
      }
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(signatures).values(rows.slice(i, i + 1000));
      await applyCountDeltas(tx, deltas);
    });
  }
}
