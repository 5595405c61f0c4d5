import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dayAsDate } from "@/app/petitions/_components/format-day";
import { Badge, Button, ButtonLink, CopyLinkButton, Notice, PageHeading, ProgressBar, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { agencies } from "@/db/schema";
import { eq } from "drizzle-orm";
import { currentActor } from "@/lib/auth/current-actor";
import { localized, type Locale } from "@/lib/i18n/locales";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { readCount } from "@/lib/petitions/counts";
import { supportCountdown } from "@/lib/petitions/support-countdown";
import { petitionByNumber } from "@/lib/petitions/load-petition";
import { PUBLIC } from "@/lib/petitions/states";
import { supportLink } from "@/lib/petitions/submit-petition";
import { submitPetitionAction } from "../actions";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ submitted?: string; error?: string }> };

/** The creator's own view: preview of the draft, then the private link and support progress. */
export default async function MyPetitionPage({ params, searchParams }: Props) {
  const [{ number }, query, actor] = await Promise.all([params, searchParams, currentActor()]);
  if (!actor) redirect(`/sign-in?callbackUrl=/my/petitions/${number}`);
  const db = getDb();
  const petition = await petitionByNumber(db, Number(number));
  // Someone else's petition is not revealed.
  if (!petition || petition.creatorId !== actor.id) notFound();
  const gathering = petition.state === "gathering_support";
  const [t, tFlow, tSupport, format, te, tCopy, locale, [agency], count, calendar] = await Promise.all([
    getTranslations("petitionForm"),
    getTranslations("signingFlow"),
    getTranslations("creatorSupport"),
    getFormatter(),
    getTranslations("errors"),
    getTranslations("sharing.copy"),
    getLocale(),
    db.select().from(agencies).where(eq(agencies.id, petition.agencyId)),
    readCount(db, petition.id),
    gathering ? loadCalendar(db) : Promise.resolve(null),
  ]);
  // "N of 50, M working days left", as the support digest e-mail says it.
  const countdown = calendar ? supportCountdown(petition, count.confirmed, calendar, toDayString(new Date())) : null;
  // A day inside a sentence is written the page language's way, never as 2026-12-23.
  const day = (value: string | null) => (value ? format.dateTime(dayAsDate(value), { dateStyle: "long" }) : "—");
  return (
    <div className="narrow">
      <PageHeading
        title={petition.title}
        caption={<Badge tone="info">{t(`states.${petition.state}`)}</Badge>}
        breadcrumbs={[{ href: "/my/petitions", label: t("myTitle") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      {query.error ? <Notice tone="error">{te.has(query.error as never) ? te(query.error as never) : te("internal")}</Notice> : null}
      {query.submitted ? <Notice tone="success">{t("submittedNotice")}</Notice> : null}
      <dl className="facts">
        <dt>{t("addressee")}</dt>
        <dd>{localized(agency, locale as Locale)}</dd>
      </dl>
      <Section title={t("requestLabel")}>
        <p className="whitespace-pre-line">{petition.request}</p>
      </Section>
      <Section title={t("reasonsLabel")}>
        <p className="whitespace-pre-line">{petition.reasons}</p>
      </Section>
      {petition.state === "draft" ? (
        <Section title={t("previewTitle")} description={t("previewLead")}>
          <div className="flex flex-wrap gap-3">
            <ButtonLink href={`/my/petitions/${petition.number}/edit`} variant="secondary">
              {t("edit")}
            </ButtonLink>
            <form action={submitPetitionAction}>
              <input type="hidden" name="number" value={petition.number} />
              <Button type="submit">{t("submit")}</Button>
            </form>
          </div>
        </Section>
      ) : null}
      {gathering ? (
        <Section title={t("supportTitle")} description={t("supportLead", { deadline: day(petition.supportDeadline) })}>
          <p>
            <label htmlFor="support-link" className="font-semibold">
              {t("privateLink")}
            </label>
          </p>
          <input id="support-link" readOnly value={supportLink(petition)} className="w-full border-2 border-black p-2" />
          <CopyLinkButton targetId="support-link" label={tCopy("button")} copiedLabel={tCopy("copied")} selectedLabel={tCopy("selected")} />
          <ProgressBar
            value={count.confirmed}
            max={petition.supportThreshold ?? 50}
            label={t("supportProgress")}
            valueText={t("supportCount", { count: count.confirmed, needed: petition.supportThreshold ?? 50 })}
          />
          {countdown ? (
            <p className="text-lg font-semibold">
              {tSupport("countdown", { supporters: countdown.supporters, threshold: countdown.threshold, days: Math.max(0, countdown.workingDaysLeft) })}
            </p>
          ) : (
            <p>{t("supportCount", { count: count.confirmed, needed: petition.supportThreshold ?? 50 })}</p>
          )}
        </Section>
      ) : null}
      {petition.state === "awaiting_moderation" ? (
        <Notice tone="info" title={tFlow("awaitingModeration.title")} announce={false} className="mt-8">
          <p>
            {tFlow("awaitingModeration.body", { target: format.number(petition.supportThreshold ?? 50), date: day(petition.moderationDueOn) })}
          </p>
          <p className="mt-2">{tFlow("awaitingModeration.noSigning")}</p>
        </Notice>
      ) : null}
      {/* The creator sees the petition's page by its number before it is public too. */}
      {!["draft", "hidden", "expired"].includes(petition.state) ? (
        <p>
          <ButtonLink href={`/petitions/${petition.number}`}>{PUBLIC.includes(petition.state) ? t("viewPublic") : tFlow("viewPage")}</ButtonLink>
        </p>
      ) : null}
    </div>
  );
}
