import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, Notice, PageHeading, Section, type BadgeTone } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { siteUrl } from "@/lib/config";
import { localized, type Locale } from "@/lib/i18n/locales";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import type { PetitionState } from "@/lib/petitions/states";
import { SignPetitionForm } from "@/app/petitions/[number]/sign/sign-form";
import { CountPanel } from "./_components/count-panel";
import { DailyChart } from "./_components/daily-chart";
import { RegionBreakdown } from "./_components/region-breakdown";
import { ResponseBlock } from "./_components/response";
import { ShareLinks } from "./_components/share-links";
import { Timeline } from "./_components/timeline";
import { serialNumberOf } from "@/lib/validation/serial-number";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATE_TONES: Partial<Record<PetitionState, BadgeTone>> = {
  open: "info",
  closed: "neutral",
  responded: "success",
  rejected: "danger",
  gathering_support: "warning",
};

/** Loaded once per request, shared by the metadata and the page. */
const loadPage = cache(async (numberParam: string, supportToken: string | undefined) => {
  if (serialNumberOf(numberParam) === null) return null;
  return loadPetitionPageData({ db: getDb(), number: Number(numberParam), supportToken });
});

async function read(props: Props) {
  const [{ number }, query] = await Promise.all([props.params, props.searchParams]);
  const support = Array.isArray(query.support) ? query.support[0] : query.support;
  return { number, support: support?.slice(0, 200) || undefined };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { number, support } = await read(props);
  const data = await loadPage(number, support);
  if (!data) return {};
  // The private support link must not end up in search engines.
  return { title: data.petition.title, ...(data.viaSupportLink ? { robots: { index: false, follow: false } } : {}) };
}

export default async function PetitionPage(props: Props) {
  const { number, support } = await read(props);
  const data = await loadPage(number, support);
  if (!data) notFound();
  const [t, format, locale, actor] = await Promise.all([getTranslations("petitions"), getFormatter(), getLocale(), currentActor()]);
  const { petition } = data;
  const pageUrl = `${siteUrl()}/petitions/${petition.number}${data.viaSupportLink ? `?support=${encodeURIComponent(support!)}` : ""}`;
  // Set by the confirm endpoint's redirect after "Confirm my signature".
  const signedParam = (await props.searchParams).signed;
  const signedNotice = signedParam === "confirmed" || signedParam === "already_confirmed" ? "confirmed" : null;
  const tSigning = await getTranslations("signing");
  const awaitingAnswer = (petition.state === "open" || petition.state === "closed") && petition.thresholdReachedAt && !data.response;
  return (
    <>
      <PageHeading
        caption={t("petition.caption", { number: petition.number })}
        title={petition.title}
        breadcrumbs={[{ href: "/petitions", label: t("listTitle") }]}
        breadcrumbsLabel={t("breadcrumbs")}
        actions={
          data.signing.open ? (
            <ButtonLink href="#sign" size="lg" fullWidthOnMobile>
              {t("petition.signTitle")}
            </ButtonLink>
          ) : undefined
        }
      />
      {signedNotice ? (
        <Notice tone="success" title={tSigning(`outcome.${signedNotice}.title`)} className="mb-6">
          {tSigning(`outcome.${signedNotice}.body`)}
        </Notice>
      ) : null}
      <p className="mb-6 flex flex-wrap gap-2">
        <Badge tone={STATE_TONES[petition.state] ?? "neutral"}>{t(`states.${petition.state}`)}</Badge>
        {awaitingAnswer ? <Badge tone="warning">{t("states.awaiting_response")}</Badge> : null}
        {data.deadlines.overdue ? <Badge tone="danger">{t("count.overdue")}</Badge> : null}
      </p>
      {data.viaSupportLink ? (
        <Notice tone="info" title={t("petition.supportLinkTitle")} announce={false} className="mb-6">
          <p>{t("petition.supportLinkText", { target: format.number(petition.supportThreshold ?? 0) })}</p>
          <p className="mt-2">{t("petition.supportLinkNoIndex")}</p>
        </Notice>
      ) : null}
      {petition.state === "rejected" && petition.rejectionReason ? (
        <Notice tone="warning" title={t("petition.rejectedTitle")} announce={false} className="mb-6">
          <p>{t("petition.rejectedText", { reason: t(`rejectionReasons.${petition.rejectionReason}`) })}</p>
          {petition.moderationNote ? <p className="mt-2 whitespace-pre-line">{petition.moderationNote}</p> : null}
          {petition.suggestedAgency ? (
            <p className="mt-2">
              {t("petition.suggestedAgency")}{" "}
              <Link href={`/agencies/${petition.suggestedAgency.slug}`}>{localized(petition.suggestedAgency, locale as Locale)}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <div className="grid gap-x-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0">
          <Section title={t("petition.requestTitle")} id="request">
            <p className="text-lg whitespace-pre-line break-words">{petition.request}</p>
          </Section>
          <Section title={t("petition.reasonsTitle")} id="reasons">
            <p className="whitespace-pre-line break-words">{petition.reasons}</p>
          </Section>
          {data.response ? <ResponseBlock response={data.response} /> : null}
          <Section title={t("petition.detailsTitle")} id="details">
            <dl className="facts">
              <dt>{t("petition.addressee")}</dt>
              <dd>
                <Link href={`/agencies/${petition.agency.slug}`}>{localized(petition.agency, locale as Locale)}</Link>
              </dd>
              <dt>{t("petition.region")}</dt>
              <dd>{petition.region ? localized(petition.region, locale as Locale) : t("petition.nationwide")}</dd>
              {petition.openedAt ? (
                <>
                  <dt>{t("petition.openedOn")}</dt>
                  <dd>{format.dateTime(petition.openedAt, { dateStyle: "long" })}</dd>
                </>
              ) : null}
            </dl>
          </Section>
        </div>
        <div className="min-w-0">
          <CountPanel data={data} />
          {data.signing.open ? (
            <Section title={t("petition.signTitle")} id="sign">
              <SignPetitionForm
                petitionNumber={petition.number}
                supportToken={data.viaSupportLink ? support : undefined}
                regions={data.signing.regions.map((r) => ({ code: r.code, name: localized(r, locale as Locale) }))}
                requireIin={data.signing.requireIin}
                defaultName={actor?.name ?? undefined}
                defaultEmail={actor?.email}
              />
            </Section>
          ) : petition.state === "closed" ? (
            <p className="mb-8 font-semibold">{t("petition.notSignable")}</p>
          ) : null}
          <ShareLinks url={pageUrl} title={petition.title} />
        </div>
      </div>
      <RegionBreakdown regionCounts={data.regionCounts} />
      <DailyChart dailyCounts={data.dailyCounts} />
      <Timeline entries={data.timeline} />
    </>
  );
}
