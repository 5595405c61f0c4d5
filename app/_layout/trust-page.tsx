import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components";
import { LinkedText } from "./linked-text";

/** The catalogs of the trust pages (messages/<locale>/<namespace>.json). */
export type TrustNamespace = "about" | "help" | "privacy" | "terms" | "accessibility" | "contact";

/**
 * One section of a trust page as its catalog holds it: a heading, paragraphs p1…pN and an optional
 * list. Objects, not arrays, so the catalog check can compare keys across languages.
 */
type TrustSection = { title: string; items?: Record<string, string> } & Record<string, unknown>;

// A list item written "Label — https://…" is a link to its source.
const SOURCE_LINK = /^(.*) — (https:\/\/\S+)$/;
export async function trustMetadata(namespace: TrustNamespace) {
  const t = await getTranslations(namespace);
  return { title: t("title"), description: t("lead") };
}

/** About, help, privacy, terms, accessibility, contact: headed sections from one catalog, readable at 390 px. */
export async function TrustPage({ namespace }: { namespace: TrustNamespace }) {
  const t = await getTranslations(namespace);
  const sections = t.raw("sections") as Record<string, TrustSection>;
  const entries = Object.entries(sections);
  return (
    <div className="narrow">
      <PageHeading title={t("title")} lead={t("lead")} />
      {entries.length > 3 ? (
        <nav aria-label={t("contents")} className="mb-8">
          <h2 className="text-lg font-bold">{t("contents")}</h2>
          <ul className="list-disc space-y-1 pl-6">
            {entries.map(([key, section]) => (
              <li key={key}>
                <a href={`#${key}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {entries.map(([key, section]) => (
        <section key={key} id={key} aria-labelledby={`${key}-heading`} className="mb-8">
          <h2 id={`${key}-heading`} className="mb-3 text-2xl font-bold">
            {section.title}
          </h2>
          {Object.entries(section)
            .filter(([field]) => /^p\d+$/.test(field))
            .map(([field, value]) => (
              <p key={field} className="mb-3">
                <LinkedText value={String(value)} />
              </p>
            ))}
          {section.items ? (
            <ul className="mb-3 list-disc space-y-2 pl-6">
              {Object.entries(section.items).map(([field, value]) => {
                const source = SOURCE_LINK.exec(value);
                return (
                  <li key={field}>
                    {source ? (
                      <a href={source[2]} rel="noopener">
                        {source[1]}
                      </a>
                    ) : (
                      <LinkedText value={value} />
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {Object.entries(section)
            .filter(([field]) => /^after\d+$/.test(field))
            .map(([field, value]) => (
              <p key={field} className="mb-3">
                <LinkedText value={String(value)} />
              </p>
            ))}
        </section>
      ))}
    </div>
  );
}
