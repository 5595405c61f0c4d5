import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/app/_components";
import type { TimelineEntry } from "@/lib/petitions/petition-timeline";
import { dayAsDate } from "../../_components/format-day";

/** The petition's public history, oldest first. Says what happened, never who did it. */
export async function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const [t, tp, format] = await Promise.all([getTranslations("petitions.timeline"), getTranslations("petitions"), getFormatter()]);
  if (entries.length === 0) return null;
  return (
    <Section title={t("title")} id="history">
      <ol className="m-0 list-none border-l-4 border-line p-0 pl-5">
        {entries.map((entry) => {
          const details: string[] = [];
          if (entry.fromState && entry.toState && entry.fromState !== entry.toState) {
            details.push(t("fromTo", { from: tp(`states.${entry.fromState}`), to: tp(`states.${entry.toState}`) }));
          }
          if (entry.rejectionReason) details.push(t("reason", { reason: tp(`rejectionReasons.${entry.rejectionReason}`) }));
          else if (entry.reason && (entry.action === "signatures_invalidated" || entry.action === "rejected")) details.push(t("reason", { reason: entry.reason }));
          if (entry.action === "threshold_reached" && entry.signatures !== null) details.push(t("signaturesAt", { count: entry.signatures }));
          if (entry.action === "threshold_reached" && entry.responseDueOn) {
            details.push(t("dueOn", { date: format.dateTime(dayAsDate(entry.responseDueOn), { dateStyle: "long" }) }));
          }
          if (entry.action === "signatures_invalidated" && entry.invalidatedCount !== null) details.push(t("invalidatedCount", { count: entry.invalidatedCount }));
          return (
            <li key={entry.id} className="relative mb-5 last:mb-0">
              <span aria-hidden="true" className="absolute top-2 -left-[1.95rem] h-3 w-3 rounded-full border-2 border-white bg-brand-700" />
              <time dateTime={entry.occurredAt.toISOString()} className="block text-sm text-muted">
                {format.dateTime(entry.occurredAt, { dateStyle: "long", timeStyle: "short" })}
              </time>
              <p className="font-semibold">{t(`actions.${entry.action}`)}</p>
              {details.map((line) => (
                <p key={line} className="text-muted">
                  {line}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
