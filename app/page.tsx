import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button, ButtonLink, EmptyState, Field, PageHeading, Section, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { listHomePetitions, type PetitionListItem } from "@/lib/petitions/list-petitions";
import { PetitionCardList } from "./petitions/_components/petition-card";

export const dynamic = "force-dynamic";

function PetitionShelf(props: {
  id: string;
  title: string;
  description?: string;
  items: PetitionListItem[];
  allHref: string;
  allLabel: string;
  emptyText: string;
}) {
  return (
    <Section
      id={props.id}
      title={props.title}
      description={props.description}
      action={
        props.items.length > 0 ? (
          <Link href={props.allHref} className="font-semibold">
            {props.allLabel}
          </Link>
        ) : null
      }
    >
      {props.items.length > 0 ? <PetitionCardList items={props.items} headingLevel={3} /> : <EmptyState title={props.emptyText} headingLevel={3} />}
    </Section>
  );
}

export default async function HomePage() {
  const [t, lists] = await Promise.all([getTranslations("home"), listHomePetitions(getDb(), 6)]);
  return (
    <>
      <PageHeading
        title={t("title")}
        lead={t("lead")}
        actions={
          <ButtonLink href="/petitions/new" size="lg">
            {t("startPetition")}
          </ButtonLink>
        }
      />
      <form method="get" action="/petitions" role="search" aria-label={t("searchLabel")} className="filters">
        <Field id="home-q" label={t("searchLabel")} hint={t("searchHint")}>
          <TextInput id="home-q" name="q" type="search" maxLength={200} />
        </Field>
        <Button type="submit">{t("searchButton")}</Button>
      </form>
      <PetitionShelf
        id="most-signed"
        title={t("mostSignedTitle")}
        items={lists.mostSigned}
        allHref="/petitions?state=open&sort=most_signed"
        allLabel={t("mostSignedAll")}
        emptyText={t("mostSignedEmpty")}
      />
      <PetitionShelf
        id="recently-answered"
        title={t("recentlyAnsweredTitle")}
        items={lists.recentlyAnswered}
        allHref="/petitions?state=responded&sort=newest"
        allLabel={t("recentlyAnsweredAll")}
        emptyText={t("recentlyAnsweredEmpty")}
      />
      <PetitionShelf
        id="awaiting-answer"
        title={t("awaitingAnswerTitle")}
        description={lists.awaitingAnswer.length > 0 ? t("awaitingAnswerDescription") : undefined}
        items={lists.awaitingAnswer}
        allHref="/petitions?state=awaiting_response&sort=closing_soon"
        allLabel={t("awaitingAnswerAll")}
        emptyText={t("awaitingAnswerEmpty")}
      />
      <div className="card-grid">
        <Section title={t("petitionsTitle")}>
          <p>{t("petitionsText")}</p>
        </Section>
        <Section title={t("controlTitle")}>
          <p>{t("controlText")}</p>
        </Section>
        <Section title={t("agenciesTitle")}>
          <p>{t("agenciesText")}</p>
          <ButtonLink href="/agencies" variant="secondary">
            {t("agenciesLink")}
          </ButtonLink>
        </Section>
      </div>
    </>
  );
}
