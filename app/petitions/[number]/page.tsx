import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, ButtonLink, LinkedText, Notice, PageHeading, Section, type BadgeTone } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { siteUrl } from "@/lib/config";
import { localized, type Locale } from "@/lib/i18n/locales";
import { loadPetitionPageData } from "@/lib/petitions/petition-page-data";
import { WITHDRAWABLE, type PetitionState } from "@/lib/petitions/states";
import { signatureToken } from "@/lib/petitions/tokens";
import { dayAsDate } from "../_components/format-day";
import { SignPetitionForm } from "@/app/petitions/[number]/sign/sign-form";
import { CountPanel } from "./_components/count-panel";
import { DailyChart } from "./_components/daily-chart";
import { RecentSigners } from "./_components/recent-signers";
import { RegionBreakdown } from "./_components/region-breakdown";
import { ResponseBlock } from "./_components/response";
import { ShareLinks } from "./_components/share-links";
import { petitionLinkPreview } from "./_components/petition-link-preview";
import { Timeline } from "./_components/timeline";
import { serialNumberOf } from "@/lib/validation/numbers";

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
  // The signed-in viewer sees their own signature, and — as creator or supporter — the petition before it is public.
  // (server.ts serves its shared page cache only to requests without a session cookie, so this page is never shared.)
  const actor = await currentActor();
  return loadPetitionPageData({ db: getDb(), number: Number(numberParam), supportToken, viewer: actor ? { id: actor.id, email: actor.email } : null });
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
  return petitionLinkPreview(data);
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
  // The confirm endpoint's place for a new supporter ("you are supporter N of 50"); only ever a display.
  const supporterParam = (await props.searchParams).supporter;
  const supporterNumber = signedNotice && typeof supporterParam === "string" && /^[1-9]\d{0,6}$/.test(supporterParam) ? Number(supporterParam) : null;
  const [tSigning, tFlow] = await Promise.all([getTranslations("signing"), getTranslations("signingFlow")]);
  const rejected = petition.state === "rejected";
  const mine = data.mySignature;
  const awaitingModeration = petition.state === "awaiting_moderation";
  const shareable = !awaitingModeration && (!data.privately || data.viaSupportLink);
  const awaitingAnswer = (petition.state === "open" || petition.state === "closed") && petition.thresholdReachedAt && !data.response;
  return (
    <>
      <PageHeading
        caption={t("petition.caption", { number: petition.number })}
        title={petition.title}
        breadcrumbs={[{ href: "/petitions", label: t("listTitle") }]}
        breadcrumbsLabel={t("breadcrumbs")}
        actions={
          data.signing.open && !mine ? (
            <ButtonLink href="#sign" size="lg" fullWidthOnMobile>
              {t("petition.signTitle")}
            </ButtonLink>
          ) : undefined
        }
      />
      {signedNotice ? (
        <Notice tone="success" title={tSigning(`outcome.${signedNotice}.title`)} className="mb-6">
          <p>{tSigning(`outcome.${signedNotice}.body`)}</p>
          {supporterNumber && petition.supportThreshold ? (
            <p className="mt-2 font-semibold">
              {tFlow("supporterNumber", { number: format.number(supporterNumber), target: format.number(petition.supportThreshold) })}
            </p>
          ) : null}
        </Notice>
      ) : null}
      {awaitingModeration ? (
        <Notice tone="info" title={tFlow("awaitingModeration.title")} announce={false} className="mb-6">
          <p>
            {tFlow("awaitingModeration.body", {
              target: format.number(petition.supportThreshold ?? 0),
              date: petition.moderationDueOn ? format.dateTime(dayAsDate(petition.moderationDueOn), { dateStyle: "long" }) : "—",
            })}
          </p>
          <p className="mt-2">{tFlow("awaitingModeration.noSigning")}</p>
        </Notice>
      ) : null}
      <p className="mb-6 flex flex-wrap gap-2">
        <Badge tone={STATE_TONES[petition.state] ?? "neutral"}>{t(`states.${petition.state}`)}</Badge>
        {awaitingAnswer ? <Badge tone="warning">{t("states.awaiting_response")}</Badge> : null}
        {data.deadlines.overdue ? <Badge tone="danger">{t("count.overdue")}</Badge> : null}
      </p>
      {data.viaSupportLink && !awaitingModeration ? (
        <Notice tone="info" title={t("petition.supportLinkTitle")} announce={false} className="mb-6">
          <p>{t("petition.supportLinkText", { target: format.number(petition.supportThreshold ?? 0) })}</p>
          <p className="mt-2">{t("petition.supportLinkNoIndex")}</p>
        </Notice>
      ) : null}
      {petition.state === "rejected" && petition.rejectionReason ? (
        <Notice tone="warning" title={t("petition.rejectedTitle")} announce={false} className="mb-6">
          <p>{t("petition.rejectedText", { reason: t(`rejectionReasons.${petition.rejectionReason}`) })}</p>
          {petition.moderationNote ? <p className="mt-2 whitespace-pre-line">
              <LinkedText text={petition.moderationNote} />
            </p> : null}
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
            <p className="text-lg whitespace-pre-line break-words">
              <LinkedText text={petition.request} />
            </p>
          </Section>
          <Section title={t("petition.reasonsTitle")} id="reasons">
            <p className="whitespace-pre-line break-words">
              <LinkedText text={petition.reasons} />
            </p>
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
          {mine ? (
            <Section title={tFlow("signedTitle")} id="sign">
              <Notice tone="success" announce={false}>
                <p className="font-semibold">{tFlow("signedOn", { date: format.dateTime(mine.confirmedAt, { dateStyle: "long" }) })}</p>
                {WITHDRAWABLE.includes(petition.state) ? <p className="mt-2">{tFlow("withdrawHint")}</p> : null}
              </Notice>
              {WITHDRAWABLE.includes(petition.state) ? (
                <p className="mt-4">
                  {/* The withdraw page of the signature's own e-mails: the signed-in owner gets its link here. */}
                  <ButtonLink href={`/signatures/${mine.id}/withdraw?t=${signatureToken(mine.id, "withdraw")}`} variant="secondary">
                    {tFlow("withdrawButton")}
                  </ButtonLink>
                </p>
              ) : null}
            </Section>
          ) : data.signing.open ? (
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
          ) : null}
          {/* A rejected petition is not something to spread. */}
          {shareable && !rejected ? <ShareLinks url={pageUrl} title={petition.title} /> : null}
          <RecentSigners signers={data.recentSigners} />
        </div>
      </div>
      {rejected ? null : (
        <>
          <RegionBreakdown regionCounts={data.regionCounts} />
          <DailyChart dailyCounts={data.dailyCounts} />
        </>
      )}
      <Timeline entries={data.timeline} />
    </>
  );
}
