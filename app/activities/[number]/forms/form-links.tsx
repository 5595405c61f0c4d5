import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ActivityForm } from "@/lib/public-control/states";

/** Where each form's page lives; both kinds of hearing share one page. */
export const FORM_PAGES: Record<ActivityForm, "monitoring" | "expertise" | "discussion" | "hearings"> = {
  monitoring: "monitoring",
  expertise: "expertise",
  discussion: "discussion",
  hearing: "hearings",
  report_hearing: "hearings",
};

/**
 * Links to the pages of the activity's forms, for the activity page and each form page.
 * `current` marks the page being shown.
 */
export async function ActivityFormLinks({
  activityNumber,
  forms,
  current,
}: {
  activityNumber: number;
  forms: readonly ActivityForm[];
  current?: (typeof FORM_PAGES)[ActivityForm];
}) {
  const t = await getTranslations("activityForms");
  const pages = [...new Set(forms.map((form) => FORM_PAGES[form]))];
  if (!pages.length) return null;
  return (
    <nav aria-label={t("links.label")} className="mb-8">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {pages.map((page) => (
          <li key={page}>
            <Link
              href={`/activities/${activityNumber}/forms/${page}`}
              aria-current={page === current ? "page" : undefined}
              className="inline-block min-h-11 py-2 font-semibold aria-[current=page]:no-underline"
            >
              {t(`links.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
