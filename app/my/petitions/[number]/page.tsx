import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Button, ButtonLink, CopyLinkButton, Notice, PageHeading, ProgressBar, Section } from "@/app/_components";
import { getDb } from "@/db/client";
import { agencies } from "@/db/schema";
import { eq } from "drizzle-orm";
import { currentActor } from "@/lib/auth/current-actor";
import { localized, type Locale } from "@/lib/i18n/locales";
import { readCount } from "@/lib/petitions/counts";
import { petitionByNumber } from "@/lib/petitions/load-petition";
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
  const [t, te, tCopy, locale, [agency], count] = await Promise.all([
    getTranslations("petitionForm"),
    getTranslations("errors"),
    getTranslations("sharing.copy"),
    getLocale(),
    db.select().from(agencies).where(eq(agencies.id, petition.agencyId)),
    readCount(db, petition.id),
  ]);
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
      {petition.state === "gathering_support" ? (
        <Section title={t("supportTitle")} description={t("supportLead", { deadline: petition.supportDeadline ?? "" })}>
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
          <p>{t("supportCount", { count: count.confirmed, needed: petition.supportThreshold ?? 50 })}</p>
        </Section>
      ) : null}
      {!["draft", "gathering_support", "hidden", "expired", "awaiting_moderation"].includes(petition.state) ? (
        <p>
          <ButtonLink href={`/petitions/${petition.number}`}>{t("viewPublic")}</ButtonLink>
        </p>
      ) : null}
    </div>
  );
}
