import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading, Section, Table } from "@/app/_components";
import { apiReference, type ReferenceOperation } from "@/lib/open-data/api-reference";
import { buildOpenApiDocument } from "@/lib/open-data/openapi";

export async function generateMetadata() {
  const t = await getTranslations("openData");
  return { title: t("title"), description: t("lead") };
}

/** Text from the OpenAPI document: `code` spans become <code>. */
function withCode(text: string): ReactNode[] {
  return text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

async function Operation({ operation }: { operation: ReferenceOperation }) {
  const t = await getTranslations("openData");
  const anchor = `op-${operation.id}`;
  return (
    <article id={anchor} className="mb-10 border-t border-neutral-300 pt-6">
      <h4 className="text-xl font-bold">
        <span className="mr-2 rounded bg-neutral-900 px-2 py-0.5 font-mono text-sm text-white">{operation.method}</span>
        <code className="break-all">{operation.path}</code>
      </h4>
      <p lang="en" className="mt-2 font-semibold">
        {operation.summary}
      </p>
      {operation.description ? (
        <p lang="en" className="mt-2">
          {withCode(operation.description)}
        </p>
      ) : null}
      {operation.parameters.length ? (
        <Table caption={t("parameters", { operation: `${operation.method} ${operation.path}` })} headers={[t("parameter"), t("where"), t("meaning")]} className="mt-4">
          {operation.parameters.map((parameter) => (
            <tr key={`${parameter.in}-${parameter.name}`}>
              <th scope="row" className="align-top">
                <code>{parameter.name}</code>
                <div className="text-sm font-normal text-muted">
                  {parameter.type}
                  {parameter.required ? `, ${t("required")}` : ""}
                </div>
              </th>
              <td className="align-top">{t(`in.${parameter.in}` as never)}</td>
              <td className="align-top">
                <span lang="en">{withCode(parameter.description)}</span>
                {parameter.values.length ? (
                  <div className="mt-1 text-sm">
                    {t("values")}{" "}
                    {parameter.values.map((value, index) => (
                      <span key={value}>
                        {index ? ", " : ""}
                        <code>{value}</code>
                      </span>
                    ))}
                  </div>
                ) : null}
                {parameter.defaultValue !== null ? (
                  <div className="mt-1 text-sm">
                    {t("default")} <code>{parameter.defaultValue}</code>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <h5 className="mt-4 font-bold">{t("example")}</h5>
      <pre className="mail-body overflow-x-auto" tabIndex={0} aria-label={t("example")}>
        <code>curl -i &apos;{operation.example}&apos;</code>
      </pre>
      {operation.method === "GET" ? (
        <p className="mt-2">
          <a href={new URL(operation.example).pathname + new URL(operation.example).search}>{t("tryIt", { operation: operation.summary })}</a>
        </p>
      ) : null}
      <h5 className="mt-4 font-bold">{t("responses")}</h5>
      <dl className="facts">
        {operation.responses.map((response) => (
          <div key={response.status}>
            <dt>
              <code>{response.status}</code>
              {response.contentTypes.length ? <span className="text-sm text-muted"> {response.contentTypes.join(", ")}</span> : null}
            </dt>
            <dd lang="en">{withCode(response.description)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

/** /open-data: the open-data API as a readable reference, the CSV downloads and the Atom feeds. */
export default async function OpenDataPage() {
  const [t, locale] = await Promise.all([getTranslations("openData"), getLocale()]);
  const document = buildOpenApiDocument();
  const areas = apiReference(document);
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <Section id="downloads" title={t("downloadsTitle")}>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <a href="/api/v1/petitions.csv">{t("petitionsCsv")}</a>
          </li>
          <li>
            <a href="/api/v1/scorecards.csv">{t("scorecardsCsv")}</a>
          </li>
          <li>
            <a href="/api/v1/openapi.json">{t("openApiJson")}</a>
          </li>
        </ul>
        <p className="mt-4">{t("licence")}</p>
      </Section>
      <Section id="feeds" title={t("feedsTitle")} description={t("feedsLead")}>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <a href={`/feeds/petitions.atom?lang=${locale}`}>{t("petitionsFeed")}</a>
          </li>
          <li>
            {t("agencyFeed")} <code className="break-all">/feeds/agencies/akimat-astana.atom</code> —{" "}
            <a href={`/feeds/agencies/akimat-astana.atom?lang=${locale}`}>{t("agencyFeedExample")}</a>
          </li>
          <li>
            {t("activityFeed")} <code className="break-all">/feeds/activities/1.atom</code>
          </li>
        </ul>
      </Section>
      <Section id="reference" title={t("referenceTitle")} description={t("referenceLead")}>
        <nav aria-label={t("contents")}>
          <ul className="list-disc space-y-1 pl-6">
            {areas.flatMap((area) =>
              area.operations.map((operation) => (
                <li key={operation.id}>
                  <a href={`#op-${operation.id}`}>
                    {operation.method} {operation.path}
                  </a>
                </li>
              )),
            )}
          </ul>
        </nav>
        {/* The document's own texts are in English; each is marked so screen readers read them as English. */}
        <div className="mt-8">
          <p lang="en">{withCode(document.info.description)}</p>
          {areas.map((area) => (
            <section key={area.name} aria-labelledby={`area-${area.name}`} className="mt-8">
              <h3 id={`area-${area.name}`} lang="en" className="text-2xl font-bold capitalize">
                {area.name}
              </h3>
              <p lang="en" className="mt-1">
                {withCode(area.description)}
              </p>
              {area.operations.map((operation) => (
                <Operation key={operation.id} operation={operation} />
              ))}
            </section>
          ))}
        </div>
      </Section>
    </>
  );
}
