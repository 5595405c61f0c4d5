import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/app/_components";
import type { RecentSigner } from "@/lib/petitions/recent-signers";

/** The latest counted signers, each by the name they chose to show (or as unnamed). */
export async function RecentSigners({ signers }: { signers: RecentSigner[] }) {
  if (signers.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("recentSigners"), getFormatter()]);
  return (
    <Section title={t("title")} id="recent-signers" description={t("lead")}>
      <ul className="divide-y divide-line-soft">
        {signers.map((signer, index) => (
          <li key={index} className="flex flex-wrap justify-between gap-x-4 py-2">
            <span className={signer.name ? "font-semibold break-words" : "text-muted"}>{signer.name ?? t("hidden")}</span>
            <span className="text-muted">{format.dateTime(signer.confirmedAt, { dateStyle: "medium" })}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
