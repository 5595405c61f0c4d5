import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarDays, events } from "@/db/schema";
import { deleteCalendarDay } from "@/lib/calendar/delete-calendar-day";
import { listCalendarDays } from "@/lib/calendar/list-calendar-days";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { saveCalendarDay } from "@/lib/calendar/save-calendar-day";
import type { CalendarDayInput } from "@/lib/calendar/schema";
import { addCalendarDays, dayOfWeek } from "@/lib/calendar/working-days";
import { aFreshYear } from "./support/calendar-years";
import { refusal } from "./support/domain-errors";
import { actorFor, aModerator, anAdmin, createUser } from "./support/factories";

// Each test works in its own far-future year that holds no calendar day yet, so tests never share a day, even on a shared Postgres.
const YEARS: [number, number] = [2200, 2899];

/** The first day of `year` on the given weekday (0 = Sunday … 6 = Saturday), plus `weeks` weeks. */
function dayIn(year: number, weekday: number, weeks = 0): string {
  let day = `${year}-02-01`;
  while (dayOfWeek(day) !== weekday) day = addCalendarDays(day, 1);
  return addCalendarDays(day, weeks * 7);
}

function holiday(day: string, overrides: Partial<CalendarDayInput> = {}): CalendarDayInput {
  return { day, kind: "holiday", nameKk: "Тест мерекесі", nameRu: "Тестовый праздник", nameEn: "Test holiday", ...overrides };
}

async function eventsOf(day: string) {
  return getDb().select().from(events).where(and(eq(events.entityType, "calendar_day"), eq(events.entityId, day))).orderBy(events.id);
}

async function rowOf(day: string) {
  const [row] = await getDb().select().from(calendarDays).where(eq(calendarDays.day, day));
  return row;
}

describe("an admin keeps the working-day calendar", () => {
  it("lets an admin add a holiday on a Tuesday, which deadlines then skip", async () => {
    const admin = await anAdmin();
    const year = await aFreshYear(...YEARS);
    const monday = dayIn(year, 1);
    const tuesday = addCalendarDays(monday, 1);
    const result = await saveCalendarDay({ db: getDb(), actor: admin, input: holiday(tuesday) });

    expect(result).toEqual({ created: true, changed: true });
    expect(await listCalendarDays(getDb(), year)).toMatchObject([{ day: tuesday, kind: "holiday", nameEn: "Test holiday" }]);
    const calendar = await loadCalendar(getDb(), "en");
    expect(calendar.explainDeadline(monday, 1)).toMatchObject({ due: addCalendarDays(monday, 2), skipped: [{ day: tuesday, reason: "holiday", name: "Test holiday" }] });
    expect(await eventsOf(tuesday)).toMatchObject([{ action: "calendar_day_created", actorId: admin.id, fromState: null, toState: "holiday" }]);
  });

  it("lets an admin change a holiday into a moved day off, and saving it unchanged writes nothing", async () => {
    const admin = await anAdmin();
    const friday = dayIn(await aFreshYear(...YEARS), 5);
    await saveCalendarDay({ db: getDb(), actor: admin, input: holiday(friday) });
    const moved = holiday(friday, { kind: "moved_day_off", nameEn: "Day off moved from Saturday" });
    expect(await saveCalendarDay({ db: getDb(), actor: admin, input: moved })).toEqual({ created: false, changed: true });
    expect(await saveCalendarDay({ db: getDb(), actor: admin, input: moved })).toEqual({ created: false, changed: false });

    expect(await rowOf(friday)).toMatchObject({ kind: "moved_day_off", nameEn: "Day off moved from Saturday" });
    expect((await eventsOf(friday)).map((event) => [event.action, event.fromState, event.toState])).toEqual([
      ["calendar_day_created", null, "holiday"],
      ["calendar_day_updated", "holiday", "moved_day_off"],
    ]);
  });

  it("lets an admin make a Saturday a working day by decree", async () => {
    const admin = await anAdmin();
    const saturday = dayIn(await aFreshYear(...YEARS), 6);
    await saveCalendarDay({ db: getDb(), actor: admin, input: holiday(saturday, { kind: "working_weekend", nameEn: "Working Saturday" }) });
    const calendar = await loadCalendar(getDb(), "en");
    expect(calendar.isWorkingDay(saturday)).toBe(true);
  });

  it("lets an admin delete a day, so it follows the five-day week again", async () => {
    const admin = await anAdmin();
    const wednesday = dayIn(await aFreshYear(...YEARS), 3);
    await saveCalendarDay({ db: getDb(), actor: admin, input: holiday(wednesday) });
    await deleteCalendarDay({ db: getDb(), actor: admin, day: wednesday });

    expect(await rowOf(wednesday)).toBeUndefined();
    expect((await loadCalendar(getDb())).isWorkingDay(wednesday)).toBe(true);
    expect((await eventsOf(wednesday)).at(-1)).toMatchObject({ action: "calendar_day_deleted", fromState: "holiday", toState: null });
    expect((await refusal(deleteCalendarDay({ db: getDb(), actor: admin, day: wednesday }))).code).toBe("not_found");
  });

  it("refuses a holiday or moved day off on a weekend and a working weekend on a weekday, with a field error on the kind", async () => {
    const admin = await anAdmin();
    const year = await aFreshYear(...YEARS);
    const sunday = dayIn(year, 0);
    const saturday = dayIn(year, 6);
    const thursday = dayIn(year, 4);
    for (const input of [holiday(sunday), holiday(saturday, { kind: "moved_day_off" })]) {
      const error = await refusal(saveCalendarDay({ db: getDb(), actor: admin, input }));
      expect(error.code).toBe("validation");
      expect(error.fieldErrors).toEqual({ kind: ["dayOffOnWeekend"] });
    }
    const weekday = await refusal(saveCalendarDay({ db: getDb(), actor: admin, input: holiday(thursday, { kind: "working_weekend" }) }));
    expect(weekday.fieldErrors).toEqual({ kind: ["workingWeekendOnWeekday"] });
    for (const day of [sunday, saturday, thursday]) {
      expect(await rowOf(day)).toBeUndefined();
      expect(await eventsOf(day)).toEqual([]);
    }
  });

  it("refuses a day that is not a real date and names that are empty", async () => {
    const admin = await anAdmin();
    const year = await aFreshYear(...YEARS);
    const badDay = await refusal(saveCalendarDay({ db: getDb(), actor: admin, input: holiday(`${year}-02-30`) }));
    expect(badDay.fieldErrors?.day).toEqual(["date"]);
    const noName = await refusal(saveCalendarDay({ db: getDb(), actor: admin, input: holiday(dayIn(year, 2), { nameKk: " " }) }));
    expect(noName.fieldErrors?.nameKk).toEqual(["tooShort"]);
    expect((await refusal(deleteCalendarDay({ db: getDb(), actor: admin, day: "tomorrow" }))).code).toBe("validation");
  });

  it("refuses a citizen, a moderator and a visitor who is not signed in, writing nothing", async () => {
    const admin = await anAdmin();
    const citizen = await actorFor((await createUser({ name: "Daniyar Citizen" })).id);
    const moderator = await aModerator();
    const year = await aFreshYear(...YEARS);
    const kept = dayIn(year, 1);
    await saveCalendarDay({ db: getDb(), actor: admin, input: holiday(kept) });
    const attempted = dayIn(year, 2);
    for (const [actor, code] of [
      [citizen, "forbidden"],
      [moderator, "forbidden"],
      [null, "unauthenticated"],
    ] as const) {
      expect((await refusal(saveCalendarDay({ db: getDb(), actor, input: holiday(attempted) }))).code).toBe(code);
      expect((await refusal(saveCalendarDay({ db: getDb(), actor, input: holiday(kept, { nameEn: "Changed" }) }))).code).toBe(code);
      expect((await refusal(deleteCalendarDay({ db: getDb(), actor, day: kept }))).code).toBe(code);
    }
    expect(await rowOf(attempted)).toBeUndefined();
    expect(await rowOf(kept)).toMatchObject({ nameEn: "Test holiday" });
    expect(await eventsOf(kept)).toHaveLength(1);
  });
});
