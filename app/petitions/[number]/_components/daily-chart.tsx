import { useId } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Section, Table } from "@/app/_components";
import { addCalendarDays } from "@/lib/calendar/working-days";
import type { PetitionPageData } from "@/lib/petitions/petition-page-data";
import { dayAsDate } from "../../_components/format-day";

// A bar chart drawn on the server as SVG: no script, readable by screen readers through its
// summary, and the same numbers in a table for anyone who prefers one.

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 52 };
/** Longest run of days drawn; older days still appear in the table. */
const MAX_DAYS = 400;

/** Every day from the first to the last with a count, days without signatures as 0. */
function fillDays(rows: PetitionPageData["dailyCounts"]): Array<{ day: string; signatures: number }> {
  if (rows.length === 0) return [];
  const byDay = new Map(rows.map((row) => [row.day, row.signatures]));
  const last = rows[rows.length - 1].day;
  let day = rows[0].day;
  if (addCalendarDays(last, -MAX_DAYS + 1) > day) day = addCalendarDays(last, -MAX_DAYS + 1);
  const filled: Array<{ day: string; signatures: number }> = [];
  for (; day <= last; day = addCalendarDays(day, 1)) filled.push({ day, signatures: byDay.get(day) ?? 0 });
  return filled;
}

function ChartSvg(props: { series: Array<{ day: string; signatures: number }>; max: number; label: string; summary: string; firstLabel: string; lastLabel: string; maxLabel: string }) {
  const titleId = useId();
  const descId = useId();
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / props.series.length;
  const barWidth = slot > 4 ? slot * 0.8 : slot;
  const baseline = MARGIN.top + plotHeight;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      className="ds-block h-auto w-full max-w-[40rem]"
      fontSize="12"
    >
      <title id={titleId}>{props.label}</title>
      <desc id={descId}>{props.summary}</desc>
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top} y2={MARGIN.top} className="stroke-line-soft" />
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} className="stroke-ink" />
      <text x={MARGIN.left - 6} y={MARGIN.top + 4} textAnchor="end" className="fill-ink">
        {props.maxLabel}
      </text>
      <text x={MARGIN.left - 6} y={baseline + 4} textAnchor="end" className="fill-ink">
        0
      </text>
      {props.series.map((point, index) => {
        const height = (Math.max(point.signatures, 0) / props.max) * plotHeight;
        return (
          <rect
            key={point.day}
            x={MARGIN.left + index * slot + (slot - barWidth) / 2}
            y={baseline - height}
            width={barWidth}
            height={height}
            className="fill-brand-700"
          />
        );
      })}
      <text x={MARGIN.left} y={HEIGHT - 8} textAnchor="start" className="fill-ink">
        {props.firstLabel}
      </text>
      <text x={WIDTH - MARGIN.right} y={HEIGHT - 8} textAnchor="end" className="fill-ink">
        {props.lastLabel}
      </text>
    </svg>
  );
}

/** Confirmed signatures per day as a bar chart, with a data table behind a disclosure. */
export async function DailyChart({ dailyCounts }: { dailyCounts: PetitionPageData["dailyCounts"] }) {
  const [t, format] = await Promise.all([getTranslations("petitions.chart"), getFormatter()]);
  const series = fillDays(dailyCounts);
  if (series.length === 0) {
    return (
      <Section title={t("title")} id="over-time">
        <p className="text-muted">{t("empty")}</p>
      </Section>
    );
  }
  const max = Math.max(1, ...series.map((point) => point.signatures));
  const long = (day: string) => format.dateTime(dayAsDate(day), { dateStyle: "long" });
  const short = (day: string) => format.dateTime(dayAsDate(day), { day: "numeric", month: "short" });
  const first = series[0].day;
  const last = series[series.length - 1].day;
  return (
    <Section title={t("title")} id="over-time">
      <figure className="m-0">
        <ChartSvg
          series={series}
          max={max}
          label={t("caption")}
          summary={t("summary", { first: long(first), last: long(last), max: format.number(max) })}
          firstLabel={short(first)}
          lastLabel={short(last)}
          maxLabel={format.number(max)}
        />
        <figcaption className="mt-2 text-muted">{t("summary", { first: long(first), last: long(last), max: format.number(max) })}</figcaption>
      </figure>
      <details className="mt-4">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-700">{t("tableToggle")}</summary>
        <Table caption={t("caption")} headers={[t("day"), t("signatures")]} numericColumns={[1]}>
          {dailyCounts.map((row) => (
            <tr key={row.day}>
              <th scope="row">
                <time dateTime={row.day}>{long(row.day)}</time>
              </th>
              <td className="text-right tabular-nums">{format.number(row.signatures)}</td>
            </tr>
          ))}
        </Table>
      </details>
    </Section>
  );
}
