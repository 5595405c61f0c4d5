import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Section, Table } from "@/app/_components";
import { localized, type Locale } from "@/lib/i18n/locales";
import type { PetitionPageData } from "@/lib/petitions/petition-page-data";

/** Confirmed signatures by region, most first, with each region's share. */
export async function RegionBreakdown({ regionCounts }: { regionCounts: PetitionPageData["regionCounts"] }) {
  const [t, format, locale] = await Promise.all([getTranslations("petitions.regions"), getFormatter(), getLocale()]);
  const total = regionCounts.reduce((sum, row) => sum + row.signatures, 0);
  return (
    <Section title={t("title")} id="regions">
      {regionCounts.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")} captionHidden headers={[t("region"), t("signatures"), t("share")]} numericColumns={[1, 2]}>
          {regionCounts.map((row) => {
            const share = total > 0 ? row.signatures / total : 0;
            return (
              <tr key={row.code}>
                <th scope="row">{localized(row, locale as Locale)}</th>
                <td className="text-right tabular-nums">{format.number(row.signatures)}</td>
                <td className="text-right tabular-nums">
                  <span className="inline-flex items-center justify-end gap-2">
                    <span aria-hidden="true" className="hidden h-2 w-16 bg-line-soft sm:inline-block">
                      <span className="block h-2 bg-brand-700" style={{ width: `${Math.round(share * 100)}%` }} />
                    </span>
                    {format.number(share, { style: "percent", maximumFractionDigits: 1 })}
                  </span>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </Section>
  );
}
