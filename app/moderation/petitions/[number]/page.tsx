import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Notice, PageHeading, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { localized, type Locale } from "@/lib/i18n/locales";
import { findSimilarPetitions } from "@/lib/petitions/find-similar-petitions";
import { listAgencyChoices, loadPetitionForReview } from "@/lib/petitions/moderation-queue";
import { readPetitionSettings } from "@/lib/petitions/settings";
import { HIDEABLE, MODERATABLE, REJECTION_REASONS } from "@/lib/petitions/states";
import { dayAsDate } from "../../format";
import { requireModerator } from "../../require-moderator";
import { ApproveForm, HideForm, RejectForm } from "./decision-forms";

type Params = { params: Promise<{ number: string }> };

function petitionNumberOf(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Params) {
  const t = await getTranslations("moderation");
  const number = petitionNumberOf((await params).number);
  return { title: number ? t("petitionNumber", { number }) : t("title") };
}

/** One petition under review: its text, who wrote it, possible duplicates, and the decision forms. */
export default async function ReviewPetitionPage({ params }: Params) {
  const number = petitionNumberOf((await params).number);
  const actor = await requireModerator(number ? `/moderation/petitions/${number}` : "/moderation");
  if (!number) notFound();
  const db = getDb();
  const review = await loadPetitionForReview(db, { actor, number });
  if (!review) notFound();
  const { petition, agency, region, creator } = review;
  const awaiting = MODERATABLE.includes(petition.state);
  const [t, format, locale, settings, similar, agencyRows] = await Promise.all([
    getTranslations("moderation"),
    getFormatter(),
    getLocale() as Promise<Locale>,
    readPetitionSettings(db),
    findSimilarPetitions(db, { title: petition.title, excludeId: petition.id }),
    awaiting ? listAgencyChoices(db) : Promise.resolve([]),
  ]);
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "medium" });
  const queuedAt = petition.moderationQueuedAt ?? petition.submittedAt;
  return (
    <>
      <PageHeading
        caption={t("petitionNumber", { number })}
        title={petition.title}
        breadcrumbs={[{ href: "/moderation", label: t("title") }, { label: t("petitionNumber", { number }) }]}
        breadcrumbsLabel={t("breadcrumbs")}
        actions={
          <ButtonLink href={`/moderation/petitions/${number}/signatures`} variant="secondary">
            {t("review.signatureTools")}
          </ButtonLink>
        }
      />

      <Section title={t("review.detailsTitle")} className="mt-8">
        <dl className="facts">
          <dt>{t("review.state")}</dt>
          <dd>
            <Badge tone={awaiting ? "info" : "neutral"}>{t(`states.${petition.state}`)}</Badge>
          </dd>
          <dt>{t("review.addressee")}</dt>
          <dd>
            <Link href={`/agencies/${agency.slug}`}>{localized(agency, locale)}</Link>
          </dd>
          <dt>{t("review.region")}</dt>
          <dd>{region ? localized(region, locale) : t("review.noRegion")}</dd>
          <dt>{t("review.creator")}</dt>
          <dd>
            {creator.name || t("review.noName")}
            <div className="break-all text-muted">{creator.email}</div>
          </dd>
          <dt>{t("review.supporters")}</dt>
          <dd className="tabular-nums">{format.number(review.counts.confirmed)}</dd>
          <dt>{t("review.invalidated")}</dt>
          <dd className="tabular-nums">{format.number(review.counts.invalidated)}</dd>
          {awaiting ? (
            <>
              <dt>{t("review.queued")}</dt>
              <dd>
                {queuedAt ? format.dateTime(queuedAt, { dateStyle: "medium" }) : t("review.notQueued")}
                {queuedAt ? <div className="text-muted">{t("workingDays", { count: review.workingDaysWaiting })}</div> : null}
              </dd>
              <dt>{t("review.due")}</dt>
              <dd>
                {petition.moderationDueOn ? day(petition.moderationDueOn) : t("queue.noDueDate")}
                {review.overdue ? (
                  <div className="mt-1">
                    <Badge tone="danger">{t("overdue")}</Badge>
                  </div>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
      </Section>

      <Section title={t("review.textTitle")}>
        <h3 className="mb-2 text-xl font-bold">{t("review.request")}</h3>
        <p className="mb-6 max-w-[40em] whitespace-pre-line break-words">{petition.request}</p>
        <h3 className="mb-2 text-xl font-bold">{t("review.reasons")}</h3>
        <p className="max-w-[40em] whitespace-pre-line break-words">{petition.reasons}</p>
      </Section>

      <Section title={t("review.similarTitle")} description={t("review.similarDescription")}>
        {similar.length === 0 ? (
          <p>{t("review.similarNone")}</p>
        ) : (
          <ul className="space-y-3">
            {similar.map((other) => (
              <li key={other.id}>
                <Link href={other.state === "awaiting_moderation" ? `/moderation/petitions/${other.number}` : `/petitions/${other.number}`}>
                  {other.title}
                </Link>
                <div className="text-muted">
                  {t("petitionNumber", { number: other.number })} · {t("review.similarState", { state: t(`states.${other.state}`) })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("review.decisionTitle")}>
        {petition.state === "rejected" && petition.rejectionReason ? (
          <Notice tone="info" announce={false} title={t("review.rejectedAs", { reason: t(`reasons.${petition.rejectionReason}`) })}>
            {petition.moderationNote ? (
              <p>
                {t("review.moderationNote")}: {petition.moderationNote}
              </p>
            ) : null}
            {review.suggestedAgency ? (
              <p>
                {t("review.suggestedAgency")}: {localized(review.suggestedAgency, locale)}
              </p>
            ) : null}
          </Notice>
        ) : !awaiting ? (
          <Notice tone="info" announce={false}>
            {t("review.notAwaiting", { state: t(`states.${petition.state}`) })}
          </Notice>
        ) : null}
        {awaiting ? (
          <>
            <h3 className="mt-6 mb-2 text-xl font-bold">{t("review.approveTitle")}</h3>
            <p className="mb-4 max-w-[40em]">{t("review.approveDescription", { months: settings.collectionMonths })}</p>
            <ApproveForm petitionId={petition.id} />
            <h3 className="mt-10 mb-2 text-xl font-bold">{t("review.rejectTitle")}</h3>
            <p className="mb-4 max-w-[40em]">{t("review.rejectDescription")}</p>
            <RejectForm
              petitionId={petition.id}
              reasons={REJECTION_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
              agencies={agencyRows
                .filter((row) => row.id !== agency.id)
                .map((row) => ({ value: row.id, label: localized(row, locale) }))
                .sort((a, b) => a.label.localeCompare(b.label, locale))}
            />
          </>
        ) : null}
        {HIDEABLE.includes(petition.state) ? (
          <>
            <h3 className="mt-10 mb-2 text-xl font-bold">{t("review.hideTitle")}</h3>
            <p className="mb-4 max-w-[40em]">{t("review.hideDescription")}</p>
            <HideForm petitionId={petition.id} />
          </>
        ) : null}
      </Section>
    </>
  );
}
