import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, ProgressBar, type BadgeTone } from "@/app/_components";
import { overdueState } from "@/lib/agency/deadlines";
import { toDayString } from "@/lib/calendar/working-days";
import { localized, type Locale } from "@/lib/i18n/locales";
import type { PetitionListItem, PublicPetitionState } from "@/lib/petitions/list-petitions";
import { dayAsDate } from "./format-day";

const STATE_TONES: Record<PublicPetitionState, BadgeTone> = { open: "info", closed: "neutral", responded: "success", rejected: "danger" };

/** The answer is owed: threshold reached, no answer published yet. */
export function isAwaitingAnswer(item: Pick<PetitionListItem, "state" | "thresholdReachedAt" | "respondedAt">): boolean {
  return (item.state === "open" || item.state === "closed") && item.thresholdReachedAt !== null && item.respondedAt === null;
}

/** One petition in a list: its title as a link, status, addressee, signatures and the next date that matters. */
export async function PetitionCard({ item, headingLevel = 2 }: { item: PetitionListItem; headingLevel?: 2 | 3 }) {
  const [t, format, locale] = await Promise.all([getTranslations("petitions"), getFormatter(), getLocale()]);
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const day = (value: string) => format.dateTime(dayAsDate(value), { dateStyle: "long" });
  const awaiting = isAwaitingAnswer(item);
  const overdue = overdueState(item.responseDueOn, toDayString(new Date()), !awaiting) === "overdue";
  let dateLine: string | null = null;
  if (item.state === "responded" && item.respondedAt) dateLine = t("card.answeredOn", { date: format.dateTime(item.respondedAt, { dateStyle: "long" }) });
  else if (awaiting && item.responseDueOn) dateLine = t("card.answerDue", { date: day(item.responseDueOn) });
  else if (item.state === "open" && item.closesOn) dateLine = t("card.closesOn", { date: day(item.closesOn) });
  else if (item.state === "closed" && item.closesOn) dateLine = t("card.closedOn", { date: day(item.closesOn) });
  const showProgress = item.state === "open" && item.responseThreshold !== null && item.responseThreshold > 0;
  return (
    <article className="flex h-full flex-col gap-2 border-t-4 border-brand-700 bg-surface p-4">
      <Heading className="text-xl font-bold break-words">
        <Link href={`/petitions/${item.number}`}>{item.title}</Link>
      </Heading>
      <p className="flex flex-wrap gap-2">
        <Badge tone={STATE_TONES[item.state]}>{t(`states.${item.state}`)}</Badge>
        {awaiting ? <Badge tone="warning">{t("states.awaiting_response")}</Badge> : null}
        {overdue ? <Badge tone="danger">{t("count.overdue")}</Badge> : null}
      </p>
      <p className="text-muted">
        {t("card.to")} {localized(item.agency, locale as Locale)}
      </p>
      <p className="mt-auto text-lg font-bold">{t("card.signatures", { count: item.signatures })}</p>
      {showProgress ? (
        <ProgressBar
          value={item.signatures}
          max={item.responseThreshold!}
          label={t("card.progressLabel")}
          valueText={t("card.progressValue", { count: format.number(item.signatures), target: format.number(item.responseThreshold!) })}
        />
      ) : null}
      {dateLine ? <p className="text-sm text-muted">{dateLine}</p> : null}
    </article>
  );
}

/** A grid of petition cards. */
export function PetitionCardList({ items, headingLevel = 2 }: { items: readonly PetitionListItem[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="grid max-w-none list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <li key={item.id} className="m-0">
          <PetitionCard item={item} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
