import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, ProgressBar, Section } from "@/app/_components";
import type { PetitionPageData } from "@/lib/petitions/petition-page-data";
import { dayAsDate } from "../../_components/format-day";
import { SigningEnded } from "./signing-ended";

/** States where "N of M needed" no longer means anything: signing is over. */
const FINISHED = new Set(["closed", "responded", "rejected"]);

/** The count, the progress towards the threshold that matters now, and the dates that bind. */
export async function CountPanel({ data }: { data: PetitionPageData }) {
  const [t, format] = await Promise.all([getTranslations("petitions.count"), getFormatter()]);
  const { petition, counts, progress, deadlines, response } = data;
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "long" });
  const target = FINISHED.has(petition.state) ? null : progress.target;
  const support = progress.kind === "support";
  return (
    <Section title={t("title")} id="signatures">
      <SigningEnded state={petition.state} closedAt={petition.closedAt} />
      <p className="text-4xl font-bold text-ink">{t("total", { count: counts.confirmed })}</p>
      {target ? (
        <>
          <p id="progress-text" className="mt-2">
            {t(support ? "towardsSupport" : "towardsResponse", { count: counts.confirmed, target: format.number(target) })}
          </p>
          <ProgressBar
            className="mt-2"
            value={counts.confirmed}
            max={target}
            label={t(support ? "progressLabelSupport" : "progressLabelResponse")}
            valueText={t("progressValue", { count: format.number(counts.confirmed), target: format.number(target) })}
          />
        </>
      ) : null}
      {petition.thresholdReachedAt ? (
        <p className="mt-3 font-semibold">{t("thresholdReached", { date: format.dateTime(petition.thresholdReachedAt, { dateStyle: "long" }) })}</p>
      ) : null}
      {counts.invalidated > 0 ? <p className="mt-3 text-muted">{t("invalidated", { count: counts.invalidated })}</p> : null}
      <dl className="facts mt-4">
        {/* The support deadline binds only while support is gathered, not once moderators have it. */}
        {support && petition.state === "gathering_support" && deadlines.supportDeadline ? (
          <>
            <dt>{t("supportDeadline")}</dt>
            <dd>{day(deadlines.supportDeadline)}</dd>
          </>
        ) : null}
        {petition.state === "open" && deadlines.closesOn ? (
          <>
            <dt>{t("closesOn")}</dt>
            <dd>{day(deadlines.closesOn)}</dd>
          </>
        ) : null}
        {petition.state !== "open" && petition.closedAt ? (
          <>
            <dt>{t("closedOn")}</dt>
            <dd>{format.dateTime(petition.closedAt, { dateStyle: "long" })}</dd>
          </>
        ) : null}
        {deadlines.responseDueOn ? (
          <>
            <dt>{t("responseDueOn")}</dt>
            <dd>
              {day(deadlines.responseDueOn)}
              {deadlines.overdue ? (
                <span className="mt-1 flex flex-wrap items-center gap-2">
                  <Badge tone="danger">{t("overdue")}</Badge>
                  {deadlines.workingDaysLeft !== null ? <span>{t("workingDaysLate", { count: -deadlines.workingDaysLeft })}</span> : null}
                </span>
              ) : deadlines.workingDaysLeft !== null ? (
                <span className="mt-1 block text-muted">{t("workingDaysLeft", { count: deadlines.workingDaysLeft })}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        {response ? (
          <>
            <dt>{t("answeredOn")}</dt>
            <dd>{format.dateTime(response.publishedAt, { dateStyle: "long" })}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}
