import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, EmptyState, Field, Notice, PageHeading, Section, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { CALENDAR_DAY_KINDS } from "@/db/schema";
import { listCalendarDays } from "@/lib/calendar/list-calendar-days";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { calendarYearSchema, deadlineCalculatorSchema } from "@/lib/calendar/schema";
import { isDayString, toDayString, type DeadlineExplanation } from "@/lib/calendar/working-days";
import { localized, type Locale } from "@/lib/i18n/locales";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { requireAdminPage } from "../require-admin";
import { CalendarDayForm } from "./calendar-day-form";
import { DeleteDayButton } from "./delete-day-button";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const KIND_TONES = { holiday: "info", moved_day_off: "neutral", working_weekend: "warning" } as const;

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("calendar.title") };
}

export default async function AdminCalendarPage({ searchParams }: Props) {
  await requireAdminPage();
  const query = await searchParams;
  const today = toDayString(new Date());
  const parsedYear = calendarYearSchema.safeParse(query.year);
  const year = parsedYear.success ? parsedYear.data : Number(today.slice(0, 4));
  const db = getDb();
  const [t, tv, format, locale, rows] = await Promise.all([
    getTranslations("admin"),
    getTranslations("validation"),
    getFormatter(),
    getLocale(),
    listCalendarDays(db, year),
  ]);
  // Days are calendar days, not instants: format them at UTC midnight in UTC so they never shift.
  const longDay = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" });
  const kinds = CALENDAR_DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }));

  const editing = query.day && isDayString(query.day) ? query.day : null;
  const editedRow = editing ? rows.find((row) => row.day === editing) : undefined;
  const initial = editedRow
    ? { day: editedRow.day, kind: editedRow.kind, nameKk: editedRow.nameKk, nameRu: editedRow.nameRu, nameEn: editedRow.nameEn }
    : { day: editing ?? "", kind: "", nameKk: "", nameRu: "", nameEn: "" };

  // The calculator runs only once its GET form was sent.
  const wantsCalculation = query.start !== undefined || query.days !== undefined;
  const calculation = wantsCalculation ? deadlineCalculatorSchema.safeParse({ start: query.start ?? "", days: query.days ?? "" }) : null;
  const calculatorErrors = calculation && !calculation.success ? fieldErrorsOf(calculation.error) : {};
  const calculatorError = (field: string) => {
    const key = calculatorErrors[field]?.[0];
    if (!key) return undefined;
    return tv.has(key as never) ? tv(key as never) : t(`validation.${key}` as never);
  };
  const explanation = calculation?.success
    ? (await loadCalendar(db, locale as Locale)).explainDeadline(calculation.data.start, calculation.data.days)
    : null;
  const defaultStart = today.startsWith(String(year)) ? today : `${year}-01-02`;

  const deleted = query.notice === "dayDeleted" && query.deleted && isDayString(query.deleted) ? query.deleted : null;

  return (
    <>
      <PageHeading
        title={t("calendar.title")}
        lead={t("calendar.lead")}
        breadcrumbs={[{ href: "/admin", label: t("title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      {deleted ? (
        <Notice tone="success" className="mt-6">
          {t("calendar.deleted", { day: longDay(deleted) })}
        </Notice>
      ) : null}

      <nav aria-label={t("calendar.yearsLabel")} className="mt-8 flex flex-wrap items-end gap-x-6 gap-y-3">
        <Link href={`/admin/calendar?year=${year - 1}`} className="inline-flex min-h-11 items-center font-semibold">
          <span aria-hidden="true">←&nbsp;</span>
          {t("calendar.yearLink", { year: year - 1 })}
        </Link>
        <form method="get" className="flex items-end gap-2">
          <div className="flex flex-col gap-1.5">
            <label htmlFor="year" className="font-semibold">
              {t("calendar.year")}
            </label>
            <TextInput id="year" name="year" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={year} width="short" />
          </div>
          <Button type="submit" variant="secondary">
            {t("calendar.show")}
          </Button>
        </form>
        <Link href={`/admin/calendar?year=${year + 1}`} className="inline-flex min-h-11 items-center font-semibold">
          {t("calendar.yearLink", { year: year + 1 })}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      </nav>

      <Section title={t("calendar.exceptionsTitle", { year })} id="exceptions" description={t("calendar.exceptionsLead")} className="mt-10">
        {rows.length === 0 ? (
          <EmptyState headingLevel={3} title={t("calendar.emptyTitle", { year })} description={t("calendar.emptyDescription")} />
        ) : (
          <Table
            caption={t("calendar.tableCaption", { year })}
            captionHidden
            headers={[t("calendar.day"), t("calendar.kind"), t("calendar.name"), t("calendar.actions")]}
          >
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row" className="min-w-36">
                  <time dateTime={row.day}>{longDay(row.day)}</time>
                </th>
                <td>
                  <Badge tone={KIND_TONES[row.kind]}>{t(`calendar.kinds.${row.kind}`)}</Badge>
                </td>
                <td className="min-w-56">
                  {localized(row, locale as Locale)}
                  <div className="text-sm text-muted">
                    <span lang="kk">{row.nameKk}</span> · <span lang="ru">{row.nameRu}</span> · <span lang="en">{row.nameEn}</span>
                  </div>
                </td>
                <td>
                  <div className="flex min-w-28 flex-col gap-2 sm:flex-row sm:items-start">
                    <Link href={`/admin/calendar?year=${year}&day=${row.day}#day-form`} className="inline-flex min-h-9 items-center">
                      {t("calendar.change")}
                      <span className="sr-only"> — {longDay(row.day)}</span>
                    </Link>
                    <DeleteDayButton day={row.day} label={longDay(row.day)} />
                  </div>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section
        title={editedRow ? t("calendar.changeTitle", { day: longDay(editedRow.day) }) : t("calendar.formTitle")}
        id="day-form"
        description={t("calendar.formLead")}
        className="mt-12"
      >
        {/* Keyed by the day being edited, so choosing another row starts from that row's values. */}
        <CalendarDayForm key={editing ?? "new"} initial={initial} kinds={kinds} />
      </Section>

      <Section title={t("calculator.title")} id="calculator" description={t("calculator.lead")} className="mt-12">
        <form method="get" action="/admin/calendar#calculator" className="flex max-w-2xl flex-col gap-x-4 sm:flex-row sm:items-end">
          <input type="hidden" name="year" value={year} />
          <Field id="calc-start" label={t("calculator.start")} hint={t("calculator.startHint")} error={calculatorError("start")}>
            <TextInput id="calc-start" name="start" type="date" defaultValue={query.start ?? defaultStart} width="short" />
          </Field>
          <Field id="calc-days" label={t("calculator.days")} hint={t("calculator.daysHint")} error={calculatorError("days")}>
            <TextInput id="calc-days" name="days" type="number" inputMode="numeric" min={0} max={366} defaultValue={query.days ?? "10"} width="short" />
          </Field>
          <div className="mb-6">
            <Button type="submit">{t("calculator.calculate")}</Button>
          </div>
        </form>
        {explanation ? <DeadlineResult explanation={explanation} longDay={longDay} t={t} /> : null}
      </Section>
    </>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"admin">>>;

/** The due date and how it was reached: each named day off skipped, the weekends, any worked Saturday. */
function DeadlineResult({ explanation, longDay, t }: { explanation: DeadlineExplanation; longDay: (day: string) => string; t: Translate }) {
  const named = explanation.skipped.filter((skip) => skip.reason !== "weekend");
  const weekendDays = explanation.skipped.length - named.length;
  return (
    <div className="mt-2 max-w-2xl border-l-[6px] border-brand-700 bg-brand-50 px-4 py-4 sm:px-5">
      <h3 id="calc-result-heading" className="text-xl font-bold">
        {t("calculator.resultTitle")}
      </h3>
      <p className="mt-2 text-lg">
        {t.rich("calculator.due", {
          due: longDay(explanation.due),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <p className="mt-1">
        {t("calculator.summary", { days: explanation.workingDays, start: longDay(explanation.start), skipped: explanation.skipped.length })}
      </p>
      {weekendDays > 0 ? <p className="mt-1">{t("calculator.weekends", { count: weekendDays })}</p> : null}
      {named.length > 0 ? (
        <>
          <h4 className="mt-4 font-bold">{t("calculator.daysOffTitle")}</h4>
          <ul className="mt-1 list-disc pl-6">
            {named.map((skip) => (
              <li key={skip.day}>
                <time dateTime={skip.day}>{longDay(skip.day)}</time> — {skip.name} ({t(`calendar.kinds.${skip.reason}`)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {explanation.workedWeekends.length > 0 ? (
        <>
          <h4 className="mt-4 font-bold">{t("calculator.workedWeekendsTitle")}</h4>
          <ul className="mt-1 list-disc pl-6">
            {explanation.workedWeekends.map((worked) => (
              <li key={worked.day}>
                <time dateTime={worked.day}>{longDay(worked.day)}</time> — {worked.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
