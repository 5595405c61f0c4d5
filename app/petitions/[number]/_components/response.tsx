import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Section, type BadgeTone } from "@/app/_components";
import type { PublishedResponse } from "@/lib/petitions/petition-page-data";
import type { ResponseDecision } from "@/lib/petitions/states";
import { dayAsDate } from "../../_components/format-day";

const DECISION_TONES: Record<ResponseDecision, BadgeTone> = { supported: "success", partially_supported: "warning", not_supported: "danger" };

/** The addressee's published answer: decision, reasons, and the measures it promised with their dates. */
export async function ResponseBlock({ response }: { response: PublishedResponse }) {
  const [t, format] = await Promise.all([getTranslations("petitions.response"), getFormatter()]);
  return (
    <Section title={t("title")} id="answer" className="border-l-4 border-brand-700 pl-4">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{t("decision")}:</span>
        <Badge tone={DECISION_TONES[response.decision]}>{t(`decisions.${response.decision}`)}</Badge>
      </p>
      <p className="mt-1 text-muted">{t("publishedOn", { date: format.dateTime(response.publishedAt, { dateStyle: "long" }) })}</p>
      <h3 className="mt-4 text-xl font-bold">{t("reasons")}</h3>
      <p className="mt-1 whitespace-pre-line break-words">{response.reasons}</p>
      {response.measures.length > 0 ? (
        <>
          <h3 className="mt-4 text-xl font-bold">{t("measuresTitle")}</h3>
          <ul className="mt-1 list-disc pl-5">
            {response.measures.map((measure, index) => (
              <li key={index} className="mb-2">
                <span className="break-words">{measure.text}</span>
                <span className="block text-muted">
                  {measure.dueOn ? t("measureDue", { date: format.dateTime(dayAsDate(measure.dueOn), { dateStyle: "long" }) }) : t("noDueDate")}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
