// Every due day the demo data stores must be a working day of the calendar the app loads: the
// moderation queue once showed "decide by" Sunday 3 January 2027, because the seed counted
// calendar days where submitPetition and reachThresholds count working days.
import { describe, expect, it } from "vitest";
import { eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, informationRequests, petitions } from "@/db/schema";
import { recomputeDeadlines } from "@/lib/agency/recompute-deadlines";
import { saveCalendarDay } from "@/lib/calendar/save-calendar-day";
import { addCalendarDays, dayOfWeek } from "@/lib/calendar/working-days";
import { recordEvent } from "@/lib/events/record-event";
import { aFreshYear } from "./support/calendar-years";
import { actorFor, createUser } from "./support/factories";
import { draftPetition, forcePetition } from "./support/petitions";
import { seedDemoData } from "@/db/seed";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { HOLIDAYS } from "@/db/seed/holidays";
import { onADatabaseOfItsOwn } from "./support/database-of-its-own";

// The demo data as a first-time visitor meets it: on a database no other test file has filled.
onADatabaseOfItsOwn("due_days");

describe("a moderator reading the demo data's due days", () => {
  it("sees every due day on a working day, seeded on the day the Sunday showed up", async () => {
    const db = getDb();
    // 8 December 2026, 10:00 in Almaty: 26 calendar days later is Sunday 3 January 2027.
    await seedDemoData(db, new Date("2026-12-08T05:00:00Z"));
    const calendar = await loadCalendar(db);
    const seededYears = new Set(HOLIDAYS.map((row) => row.day.slice(0, 4)));

    const petitionRows = await db
      .select({ number: petitions.number, state: petitions.state, supportDeadline: petitions.supportDeadline, moderationDueOn: petitions.moderationDueOn, responseDueOn: petitions.responseDueOn })
      .from(petitions);
    const activityRows = await db.select({ title: activities.title, finalDocumentDueOn: activities.finalDocumentDueOn, answerDueOn: activities.answerDueOn }).from(activities);
    const requestRows = await db.select({ number: informationRequests.number, dueOn: informationRequests.dueOn }).from(informationRequests).where(isNotNull(informationRequests.dueOn));

    const dueDays: Array<[string, string]> = [
      ...petitionRows.flatMap((row) => [
        [`petition ${row.number} support deadline`, row.supportDeadline],
        [`petition ${row.number} moderation due`, row.moderationDueOn],
        [`petition ${row.number} response due`, row.responseDueOn],
      ]),
      ...activityRows.flatMap((row) => [
        [`activity "${row.title}" final document due`, row.finalDocumentDueOn],
        [`activity "${row.title}" answer due`, row.answerDueOn],
      ]),
      ...requestRows.map((row) => [`information request ${row.number} due`, row.dueOn]),
    ].filter((pair): pair is [string, string] => pair[1] !== null);

    expect(petitionRows.some((row) => row.state === "awaiting_moderation" && row.moderationDueOn)).toBe(true);
    expect(dueDays.length).toBeGreaterThan(5);
    const offDays = dueDays.filter(([, day]) => !calendar.isWorkingDay(day)).map(([what, day]) => `${what}: ${day}`);
    expect(offDays).toEqual([]);
    // A due day in a year the calendar does not list would be counted without its holidays.
    const unlistedYears = dueDays.filter(([, day]) => !seededYears.has(day.slice(0, 4))).map(([what, day]) => `${what}: ${day}`);
    expect(unlistedYears).toEqual([]);
    // Seeding every demo petition and activity takes a while on a busy machine.
  }, 120_000);
});

describe("an admin adds a holiday while petitions wait for supporters and for moderation", () => {
  it("moves their support deadline and moderation due day off the new holiday", async () => {
    const db = getDb();
    const admin = await actorFor((await createUser({ platformRoles: ["admin"], name: "Aigerim Admin" })).id);
    let monday = `${await aFreshYear(2950, 2998)}-03-01`;
    while (dayOfWeek(monday) !== 1) monday = addCalendarDays(monday, 1);
    const wednesday = addCalendarDays(monday, 2);
    const friday = addCalendarDays(monday, 4);
    const nextMonday = addCalendarDays(monday, 7);
    const at = new Date(`${monday}T05:00:00Z`);
    const explanation = { start: monday, workingDays: 4, due: friday, skipped: [], workedWeekends: [] };

    const gathering = (await draftPetition()).petition;
    await forcePetition(gathering.id, { state: "gathering_support", submittedAt: at, supportDeadline: friday });
    await recordEvent(db, { entityType: "petition", entityId: gathering.id, actorId: null, action: "submitted", fromState: "draft", toState: "gathering_support", data: { explanation }, occurredAt: at });
    const waiting = (await draftPetition()).petition;
    await forcePetition(waiting.id, { state: "awaiting_moderation", moderationQueuedAt: at, moderationDueOn: friday });
    await recordEvent(db, { entityType: "petition", entityId: waiting.id, actorId: null, action: "support_reached", fromState: "gathering_support", toState: "awaiting_moderation", data: { explanation }, occurredAt: at });

    await saveCalendarDay({ db, actor: admin, input: { day: wednesday, kind: "holiday", nameKk: "Мереке", nameRu: "Праздник", nameEn: "Test holiday" } });
    await recomputeDeadlines({ db, now: at, days: [wednesday] });

    const [support] = await db.select().from(petitions).where(eq(petitions.id, gathering.id));
    const [moderation] = await db.select().from(petitions).where(eq(petitions.id, waiting.id));
    expect([support.supportDeadline, moderation.moderationDueOn]).toEqual([nextMonday, nextMonday]);
  });
});
