/**
 * Kazakhstan's days that differ from the five-day week, 2025–2027, for `calendar_days`.
 *
 * Listed day by day rather than generated, so an admin can check each row against the
 * published calendar and correct it in the table when a decree moves a day.
 * Rules (see /work/shared/reference/kazakhstan-rules.md, "Working days and holidays"):
 * - a public holiday on a weekday is a 'holiday';
 * - a public holiday on a Saturday or Sunday gives the next working day off (Labour Code
 *   art. 85) — a 'moved_day_off'; several in a row take successive working days;
 * - religious days off (Orthodox Christmas 7 Jan, Kurban Ait day 1) are not carried over;
 * - a Government decree may swap a Saturday ('working_weekend') for a bridging weekday
 *   ('moved_day_off').
 * Weekend holidays themselves are not listed: those days are off anyway, and the carry-over
 * row names the holiday it stands for.
 */
import type { CalendarDayKind } from "../schema/calendar";

/** One seed row of `calendar_days`. */
export type HolidaySeed = { day: string; kind: CalendarDayKind; nameKk: string; nameRu: string; nameEn: string };

type HolidayName = { kk: string; ru: string; en: string };

const NEW_YEAR: HolidayName = { kk: "Жаңа жыл", ru: "Новый год", en: "New Year" };
const ORTHODOX_CHRISTMAS: HolidayName = {
  kk: "Православиелік Рождество",
  ru: "Православное Рождество",
  en: "Orthodox Christmas",
};
const WOMENS_DAY: HolidayName = {
  kk: "Халықаралық әйелдер күні",
  ru: "Международный женский день",
  en: "International Women's Day",
};
const NAURYZ: HolidayName = { kk: "Наурыз мейрамы", ru: "Наурыз мейрамы", en: "Nauryz" };
const UNITY_DAY: HolidayName = {
  kk: "Қазақстан халқының бірлігі мерекесі",
  ru: "Праздник единства народа Казахстана",
  en: "Unity Day of the People of Kazakhstan",
};
const DEFENDER_DAY: HolidayName = {
  kk: "Отан қорғаушы күні",
  ru: "День защитника Отечества",
  en: "Defender of the Fatherland Day",
};
const VICTORY_DAY: HolidayName = { kk: "Жеңіс күні", ru: "День Победы", en: "Victory Day" };
const KURBAN_AIT: HolidayName = { kk: "Құрбан айт", ru: "Курбан айт", en: "Kurban Ait" };
const CAPITAL_DAY: HolidayName = { kk: "Астана күні", ru: "День Столицы", en: "Capital Day" };
const CONSTITUTION_DAY: HolidayName = { kk: "Конституция күні", ru: "День Конституции", en: "Constitution Day" };
const REPUBLIC_DAY: HolidayName = { kk: "Республика күні", ru: "День Республики", en: "Republic Day" };
const INDEPENDENCE_DAY: HolidayName = { kk: "Тәуелсіздік күні", ru: "День Независимости", en: "Independence Day" };

function holiday(day: string, name: HolidayName): HolidaySeed {
  return { day, kind: "holiday", nameKk: name.kk, nameRu: name.ru, nameEn: name.en };
}

/** The weekday off standing in for `name`, which fell on the weekend day `heldOn` ('DD.MM'). */
function carryOver(day: string, name: HolidayName, heldOn: string): HolidaySeed {
  return {
    day,
    kind: "moved_day_off",
    nameKk: `${name.kk} (${heldOn} күнінен ауыстырылған демалыс)`,
    nameRu: `${name.ru} (перенос выходного с ${heldOn})`,
    nameEn: `${name.en} (day off carried over from ${heldOn})`,
  };
}

const HOLIDAYS_2025: HolidaySeed[] = [
  holiday("2025-01-01", NEW_YEAR),
  holiday("2025-01-02", NEW_YEAR),
  // Government decree (recalled without internet access — verify against the published 2025
  // decree): Friday 3 January off, Saturday 5 July worked in exchange.
  {
    day: "2025-01-03",
    kind: "moved_day_off",
    nameKk: "5 шілде сенбіден ауыстырылған демалыс күні",
    nameRu: "Перенесённый выходной день (с субботы 5 июля)",
    nameEn: "Day off moved from Saturday 5 July (Government decree)",
  },
  holiday("2025-01-07", ORTHODOX_CHRISTMAS),
  carryOver("2025-03-10", WOMENS_DAY, "08.03"),
  holiday("2025-03-21", NAURYZ),
  carryOver("2025-03-24", NAURYZ, "22.03"),
  carryOver("2025-03-25", NAURYZ, "23.03"),
  holiday("2025-05-01", UNITY_DAY),
  holiday("2025-05-07", DEFENDER_DAY),
  holiday("2025-05-09", VICTORY_DAY),
  holiday("2025-06-06", KURBAN_AIT),
  {
    day: "2025-07-05",
    kind: "working_weekend",
    nameKk: "Жұмыс сенбісі (демалыс 3 қаңтарға ауыстырылды)",
    nameRu: "Рабочая суббота (выходной перенесён на 3 января)",
    nameEn: "Working Saturday (day off moved to 3 January, Government decree)",
  },
  carryOver("2025-07-07", CAPITAL_DAY, "06.07"),
  carryOver("2025-09-01", CONSTITUTION_DAY, "30.08"),
  carryOver("2025-10-27", REPUBLIC_DAY, "25.10"),
  holiday("2025-12-16", INDEPENDENCE_DAY),
];

// Matches the published 2026 calendar in kazakhstan-rules.md; no decree moves days in 2026.
const HOLIDAYS_2026: HolidaySeed[] = [
  holiday("2026-01-01", NEW_YEAR),
  holiday("2026-01-02", NEW_YEAR),
  holiday("2026-01-07", ORTHODOX_CHRISTMAS),
  carryOver("2026-03-09", WOMENS_DAY, "08.03"),
  // Nauryz is 21–23 March: Saturday, Sunday, Monday; the weekend two carry over to 24–25.
  holiday("2026-03-23", NAURYZ),
  carryOver("2026-03-24", NAURYZ, "21.03"),
  carryOver("2026-03-25", NAURYZ, "22.03"),
  holiday("2026-05-01", UNITY_DAY),
  holiday("2026-05-07", DEFENDER_DAY),
  carryOver("2026-05-11", VICTORY_DAY, "09.05"),
  holiday("2026-05-27", KURBAN_AIT),
  holiday("2026-07-06", CAPITAL_DAY),
  carryOver("2026-08-31", CONSTITUTION_DAY, "30.08"),
  carryOver("2026-10-26", REPUBLIC_DAY, "25.10"),
  holiday("2026-12-16", INDEPENDENCE_DAY),
];

// Law-based only: no decree moving days off in 2027 is known yet; add its rows when published.
const HOLIDAYS_2027: HolidaySeed[] = [
  holiday("2027-01-01", NEW_YEAR),
  carryOver("2027-01-04", NEW_YEAR, "02.01"),
  holiday("2027-01-07", ORTHODOX_CHRISTMAS),
  holiday("2027-03-08", WOMENS_DAY),
  // Nauryz is Sunday–Tuesday; Sunday's day off moves to the first working day after, Wednesday.
  holiday("2027-03-22", NAURYZ),
  holiday("2027-03-23", NAURYZ),
  carryOver("2027-03-24", NAURYZ, "21.03"),
  carryOver("2027-05-03", UNITY_DAY, "01.05"),
  holiday("2027-05-07", DEFENDER_DAY),
  carryOver("2027-05-10", VICTORY_DAY, "09.05"),
  // Kurban Ait 2027 is estimated at Sunday 16 May from the Islamic calendar (10 Dhu al-Hijjah
  // 1448); the Spiritual Administration announces the date. On a Sunday it is not carried over,
  // so it is not listed; if the date moves to a weekday, add it as a 'holiday'.
  holiday("2027-07-06", CAPITAL_DAY),
  holiday("2027-08-30", CONSTITUTION_DAY),
  holiday("2027-10-25", REPUBLIC_DAY),
  holiday("2027-12-16", INDEPENDENCE_DAY),
];

/** Every seeded row, in date order. */
export const HOLIDAYS: HolidaySeed[] = [...HOLIDAYS_2025, ...HOLIDAYS_2026, ...HOLIDAYS_2027];
