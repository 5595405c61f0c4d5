// The rest of a lived-in Birge: two more NGOs, each running a public monitoring with
// observations and photo evidence, whose information requests to three state bodies were
// answered (some late) — enough settled items to rank those bodies on the league table — and
// one request to the Akimat of Astana due the next working day. Invented throughout. Run once,
// after seedDemoActivities, on a database without these activities.
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { activities, agencies, events, files, informationRequests, observationFiles, observations, organizations, users } from "../schema";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { toDayString } from "../../lib/calendar/working-days";
import { writeBlob } from "../../lib/files/storage";

const DAY = 86_400_000;

/** A 1×1 grey PNG: the demo's evidence photos share this one blob. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCB3UNq9AAAAABJRU5ErkJggg==", "base64");

interface DemoMonitoring {
  organizationSlug: string;
  ownerEmail: string;
  agencySlug: string;
  title: string;
  subjectMatter: string;
  goals: string;
  observations: Array<{ daysAgo: number; place: string; text: string }>;
  /** Answered requests: asked so many days ago, answered so many working days after the due day (negative: early). */
  answered: Array<{ question: string; answer: string; askedDaysAgo: number; lateBy: number }>;
}

const MONITORINGS: DemoMonitoring[] = [
  {
    organizationSlug: "taza-auyl",
    ownerEmail: "ngo2.owner@demo.birge.kz",
    agencySlug: "akimat-almaty",
    title: "Monitoring of snow clearing on Almaty's pavements",
    subjectMatter: "How the city's contractors clear snow and ice from pavements and bus stops in four districts.",
    goals: "Check clearing times after snowfall against the contracts and record where pedestrians are left without a safe path.",
    observations: [
      { daysAgo: 30, place: "Abay Avenue at Baitursynov Street", text: "Pavement not cleared 26 hours after the snowfall ended; people walk on the road." },
      { daysAgo: 24, place: "Bus stop 'Tole Bi — Auezov'", text: "Stop cleared, but the ramp to the crossing is under ice." },
      { daysAgo: 12, place: "Satpayev Street, numbers 20 to 40", text: "Cleared within 8 hours, sand spread; meets the contract." },
    ],
    answered: [
      { question: "Send the snow-clearing contracts for the Almaly and Bostandyk districts.", answer: "The contracts are attached and published on the akimat's site.", askedDaysAgo: 70, lateBy: -3 },
      { question: "Which clearing time after snowfall do the contracts set?", answer: "Pavements within 12 hours, bus stops within 6 hours.", askedDaysAgo: 66, lateBy: 0 },
      { question: "How many penalties were claimed from contractors last winter?", answer: "Four claims, 3.2 million tenge in all.", askedDaysAgo: 62, lateBy: 4 },
      { question: "Send the list of streets in the priority clearing zone.", answer: "The list of 112 streets is attached.", askedDaysAgo: 58, lateBy: -1 },
      { question: "How are complaints from residents about uncleared pavements handled?", answer: "Through the 109 service; the contractor must react within 4 hours.", askedDaysAgo: 54, lateBy: 2 },
      { question: "How much de-icing material was bought for this winter?", answer: "18,400 tonnes of sand and salt mix.", askedDaysAgo: 50, lateBy: -5 },
    ],
  },
  {
    organizationSlug: "qala-bolashagy",
    ownerEmail: "ngo3.owner@demo.birge.kz",
    agencySlug: "ministry-health",
    title: "Monitoring of ramps and lifts in Shymkent's polyclinics",
    subjectMatter: "Whether people in wheelchairs and parents with prams can reach every floor of the city's public polyclinics.",
    goals: "Visit ten polyclinics, check entrances, ramps and lifts against the building code and publish the findings.",
    observations: [
      { daysAgo: 40, place: "City polyclinic No. 3", text: "Ramp slope about 1:6, steeper than the code allows; no handrail on one side." },
      { daysAgo: 33, place: "City polyclinic No. 7", text: "Lift out of order for two weeks according to the notice on its door." },
      { daysAgo: 21, place: "Children's polyclinic No. 2", text: "Entrance, ramp and lift all usable; tactile strip at the reception." },
    ],
    answered: [
      { question: "Send the accessibility audits of Shymkent's polyclinics from the last three years.", answer: "Audits for 9 of 14 polyclinics are attached; 5 were not audited.", askedDaysAgo: 90, lateBy: 6 },
      { question: "Which polyclinics have a working lift today?", answer: "Eleven of fourteen; repairs in the other three are planned for spring.", askedDaysAgo: 85, lateBy: 3 },
      { question: "What budget is set for ramps in the coming year?", answer: "46 million tenge for seven polyclinics.", askedDaysAgo: 80, lateBy: 0 },
      { question: "Who checks the ramps' slope when a building is accepted?", answer: "The state architecture and construction control inspectorate.", askedDaysAgo: 75, lateBy: 8 },
      { question: "How many complaints about access were received last year?", answer: "Twenty-three, all answered.", askedDaysAgo: 70, lateBy: 1 },
    ],
  },
  {
    organizationSlug: "adal-qogam",
    ownerEmail: "ngo.member@demo.birge.kz",
    agencySlug: "maslikhat-shymkent",
    title: "Monitoring of how Shymkent's budget hearings are announced",
    subjectMatter: "Whether the maslikhat announces its budget sessions early enough and publishes the drafts with the notice.",
    goals: "Follow every session of the year and record the notice given and the documents published.",
    observations: [
      { daysAgo: 45, place: "maslikhat.shymkent.example — announcements", text: "Session announced 3 days ahead; the draft budget was published the day before." },
      { daysAgo: 15, place: "Session hall, 2nd floor", text: "Twelve residents attended; questions were taken after the vote, not before." },
    ],
    answered: [
      { question: "Send the schedule of the maslikhat's sessions for the year.", answer: "The schedule is attached.", askedDaysAgo: 60, lateBy: -2 },
      { question: "Where are draft decisions published before a session?", answer: "On the maslikhat's site, section 'Drafts'.", askedDaysAgo: 56, lateBy: -4 },
      { question: "How many residents spoke at sessions last year?", answer: "Thirty-one residents at nine sessions.", askedDaysAgo: 52, lateBy: 0 },
      { question: "Are the sessions' recordings kept, and for how long?", answer: "Video recordings are kept for five years.", askedDaysAgo: 48, lateBy: -1 },
      { question: "Who decides the order of questions at a session?", answer: "The secretary of the maslikhat, in the agenda approved a week ahead.", askedDaysAgo: 44, lateBy: 2 },
    ],
  },
];

export async function seedLivedInActivities(db: Database, now: Date = new Date()): Promise<void> {
  const titles = MONITORINGS.map((m) => m.title);
  const existing = await db.select({ id: activities.id }).from(activities).where(inArray(activities.title, titles)).limit(1);
  if (existing.length) return;
  const calendar = await loadCalendar(db);
  const sha256 = createHash("sha256").update(PHOTO).digest("hex");
  await writeBlob(sha256, PHOTO);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const today = toDayString(now);

  await db.transaction(async (tx) => {
    for (const demo of MONITORINGS) {
      const [agency] = await tx.select().from(agencies).where(eq(agencies.slug, demo.agencySlug));
      const [organization] = await tx.select().from(organizations).where(eq(organizations.slug, demo.organizationSlug));
      const [owner] = await tx.select().from(users).where(eq(users.email, demo.ownerEmail));
      if (!agency || !organization || !owner) continue;
      const [activity] = await tx
        .insert(activities)
        .values({
          subjectType: "organization",
          subjectUserId: owner.id,
          organizationId: organization.id,
          agencyId: agency.id,
          forms: ["monitoring"],
          title: demo.title,
          subjectMatter: demo.subjectMatter,
          goals: demo.goals,
          plannedStart: toDayString(at(100)),
          plannedEnd: toDayString(new Date(now.getTime() + 30 * DAY)),
          state: "in_progress",
          announcedAt: at(102),
          startedAt: at(100),
          createdAt: at(105),
          updatedAt: at(10),
        })
        .returning();
      const event = (entityType: string, entityId: string, action: string, occurredAt: Date, fromState: string | null, toState: string | null, data: Record<string, unknown> = {}) => ({
        entityType,
        entityId,
        actorId: owner.id,
        action,
        fromState,
        toState,
        data,
        occurredAt,
      });
      const history = [
        event("activity", activity.id, "created", at(105), null, "draft"),
        event("activity", activity.id, "announced", at(102), "draft", "announced"),
        event("activity", activity.id, "started", at(100), "announced", "in_progress"),
      ];
      for (const seen of demo.observations) {
        const [observation] = await tx
          .insert(observations)
          .values({ activityId: activity.id, observedOn: toDayString(at(seen.daysAgo)), place: seen.place, text: seen.text, authorId: owner.id, createdAt: at(seen.daysAgo) })
          .returning();
        const [photo] = await tx
          .insert(files)
          .values({ sha256, mimeType: "image/png", size: PHOTO.length, originalName: "photo.png", uploadedBy: owner.id, purpose: "evidence", activityId: activity.id, createdAt: at(seen.daysAgo) })
          .returning();
        await tx.insert(observationFiles).values({ observationId: observation.id, fileId: photo.id, position: 0 });
      }
      let number = 0;
      for (const item of demo.answered) {
        const askedAt = at(item.askedDaysAgo);
        const explanation = calendar.explainDeadline(toDayString(askedAt), 15);
        const answeredDay = item.lateBy >= 0 ? calendar.addWorkingDays(explanation.due, item.lateBy) : calendar.addWorkingDays(toDayString(askedAt), 15 + item.lateBy);
        // An answer is never dated in the future.
        const answeredAt = new Date(Math.min(new Date(`${answeredDay}T06:00:00Z`).getTime(), now.getTime() - DAY));
        const [request] = await tx
          .insert(informationRequests)
          .values({
            activityId: activity.id,
            number: ++number,
            question: item.question,
            askedBy: owner.id,
            askedAt,
            dueOn: explanation.due,
            state: "answered",
            answerText: item.answer,
            answeredAt,
          })
          .returning();
        history.push(
          event("information_request", request.id, "asked", askedAt, null, "pending", { activityId: activity.id, number, dueOn: explanation.due, explanation }),
          event("information_request", request.id, "answered", answeredAt, "pending", "answered", { activityId: activity.id, number, late: toDayString(answeredAt) > explanation.due }),
        );
      }
      await tx.insert(events).values(history);
    }

    // A request to the Akimat of Astana whose answer is due the next working day: the demo
    // agency's inbox shows how an item about to fall due stands out.
    const [schoolMeals] = await tx.select().from(activities).where(eq(activities.title, "Monitoring of free school meals in Astana"));
    const [owner] = await tx.select().from(users).where(eq(users.email, "ngo.owner@demo.birge.kz"));
    if (schoolMeals && owner) {
      const dueOn = calendar.addWorkingDays(today, 1);
      const askedAt = at(20);
      const [request] = await tx
        .insert(informationRequests)
        .values({ activityId: schoolMeals.id, number: 2, question: "How many pupils received free meals in each school last month?", askedBy: owner.id, askedAt, dueOn })
        .returning();
      await tx.insert(events).values({
        entityType: "information_request",
        entityId: request.id,
        actorId: owner.id,
        action: "asked",
        fromState: null,
        toState: "pending",
        data: { activityId: schoolMeals.id, number: 2, dueOn },
        occurredAt: askedAt,
      });
      for (const [index, seen] of [
        { daysAgo: 50, place: "School-lyceum No. 12, canteen", text: "Six sample portions weighed 210–230 g against 300 g in the contract." },
        { daysAgo: 41, place: "School No. 45, delivery entrance", text: "Meals delivered at 12:40, after the long break had ended at 12:20." },
      ].entries()) {
        const [observation] = await tx
          .insert(observations)
          .values({ activityId: schoolMeals.id, observedOn: toDayString(at(seen.daysAgo)), place: seen.place, text: seen.text, authorId: owner.id, createdAt: at(seen.daysAgo) })
          .returning();
        const [photo] = await tx
          .insert(files)
          .values({ sha256, mimeType: "image/png", size: PHOTO.length, originalName: `portion-${index + 1}.png`, uploadedBy: owner.id, purpose: "evidence", activityId: schoolMeals.id, createdAt: at(seen.daysAgo) })
          .returning();
        await tx.insert(observationFiles).values({ observationId: observation.id, fileId: photo.id, position: 0 });
      }
    }
  });
}
