import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Button, ErrorSummary, Notice, PageHeading, Section, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { readCount } from "@/lib/petitions/counts";
import { invalidationCriteriaSchema, previewInvalidation, type InvalidationCriteria } from "@/lib/petitions/invalidate-signatures";
import { petitionByNumber } from "@/lib/petitions/load-petition";
import { readSignatureActivity, SPIKE_FACTOR } from "@/lib/petitions/signature-activity";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { requireModerator } from "../../../require-moderator";
import { ConfirmInvalidationForm } from "./confirm-invalidation-form";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("moderation");
  return { title: t("signatures.title") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * A moderator's signature tools for one petition: spikes, limit flags, top domains and
 * networks, and bulk invalidation (GET previews the count, the confirm form POSTs).
 */
export default async function SignatureToolsPage({ params, searchParams }: Props) {
  const raw = (await params).number;
  const number = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const actor = await requireModerator(number ? `/moderation/petitions/${number}/signatures` : "/moderation");
  if (!number) notFound();
  const db = getDb();
  const petition = await petitionByNumber(db, number);
  if (!petition) notFound();
  const query = await searchParams;
  const criteriaInput = { emailDomain: first(query.emailDomain) ?? "", ipRange: first(query.ipRange) ?? "" };
  const previewAsked = Boolean(criteriaInput.emailDomain.trim() || criteriaInput.ipRange.trim() || first(query.preview));
  const parsed = previewAsked ? invalidationCriteriaSchema.safeParse(criteriaInput) : null;
  const criteria: InvalidationCriteria | null = parsed?.success ? parsed.data : null;
  const criteriaErrors = parsed && !parsed.success ? fieldErrorsOf(parsed.error) : {};
  const invalidatedNow = /^\d+$/.test(first(query.invalidated) ?? "") ? Number(first(query.invalidated)) : null;

  const [t, tv, format, counts, activity, preview] = await Promise.all([
    getTranslations("moderation"),
    getTranslations("validation"),
    getFormatter(),
    readCount(db, petition.id),
    readSignatureActivity({ db, actor, petitionId: petition.id }),
    criteria ? previewInvalidation({ db, actor, petitionId: petition.id, criteria }) : Promise.resolve(null),
  ]);
  const errorOf = (field: string) => {
    const key = criteriaErrors[field]?.[0];
    if (!key) return undefined;
    return tv.has(key as never) ? tv(key as never) : t(`validation.${key}` as never);
  };
  const summary = ["emailDomain", "ipRange"].flatMap((field) => (errorOf(field) ? [{ fieldId: field, message: errorOf(field)! }] : []));
  const hour = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });
  const activeHours = activity.hours.filter((entry) => entry.live > 0 || entry.invalidated > 0).reverse();
  const spikes = activity.hours.filter((entry) => entry.spike).length;
  const base = `/moderation/petitions/${number}/signatures`;

  return (
    <>
      <PageHeading
        caption={t("petitionNumber", { number })}
        title={t("signatures.title")}
        lead={petition.title}
        breadcrumbs={[
          { href: "/moderation", label: t("title") },
          { href: `/moderation/petitions/${number}`, label: t("petitionNumber", { number }) },
          { label: t("signatures.title") },
        ]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      {invalidatedNow !== null ? (
        <Notice tone="success" className="mt-6">
          {t("signatures.done", { count: invalidatedNow })}
        </Notice>
      ) : null}
      <p className="mt-6 max-w-[40em]">{t("signatures.lead", { number })}</p>
      <dl className="facts mt-6">
        <dt>{t("signatures.confirmed")}</dt>
        <dd className="tabular-nums">{format.number(counts.confirmed)}</dd>
        <dt>{t("signatures.invalidatedTotal")}</dt>
        <dd className="tabular-nums">{format.number(counts.invalidated)}</dd>
      </dl>

      <Section title={t("signatures.flagsTitle")} description={t("signatures.flagsDescription")}>
        {activity.rateLimitFlags.length === 0 ? (
          <p>{t("signatures.flagsNone")}</p>
        ) : (
          <Table
            caption={t("signatures.flagsCaption")}
            captionHidden
            headers={[t("signatures.flagKind"), t("signatures.flagValue"), t("signatures.flagWindow"), t("signatures.flagCount")]}
            numericColumns={[3]}
          >
            {activity.rateLimitFlags.map((flag) => (
              <tr key={`${flag.kind}:${flag.value}:${flag.windowStart.getTime()}`}>
                <td>{t(`signatures.flagKinds.${flag.kind}`)}</td>
                <th scope="row" className="break-all">
                  {flag.value}
                </th>
                <td>{hour(flag.windowStart)}</td>
                <td className="text-right tabular-nums">{t("signatures.flagOfLimit", { count: flag.count, limit: flag.limit })}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t("signatures.hoursTitle")} description={t("signatures.hoursDescription", { factor: SPIKE_FACTOR })}>
        <p className="mb-4">
          {spikes > 0 ? <Badge tone="warning">{t("signatures.spikeCount", { count: spikes })}</Badge> : t("signatures.spikeCount", { count: 0 })}
        </p>
        {activeHours.length === 0 ? (
          <p>{t("signatures.hoursNone")}</p>
        ) : (
          <Table
            caption={t("signatures.hoursCaption")}
            captionHidden
            headers={[t("signatures.hour"), t("signatures.live"), t("signatures.invalidatedSince"), t("signatures.medianBefore"), t("signatures.spike")]}
            numericColumns={[1, 2, 3]}
          >
            {activeHours.map((entry) => (
              <tr key={entry.hourStart.getTime()}>
                <th scope="row">{hour(entry.hourStart)}</th>
                <td className="text-right tabular-nums">{format.number(entry.live)}</td>
                <td className="text-right tabular-nums">{format.number(entry.invalidated)}</td>
                <td className="text-right tabular-nums">{format.number(entry.median)}</td>
                <td>{entry.spike ? <Badge tone="warning">{t("signatures.spike")}</Badge> : <span className="text-muted">{t("signatures.noSpike")}</span>}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t("signatures.domainsTitle")}>
        {activity.topDomains.length === 0 ? (
          <p>{t("signatures.topNone")}</p>
        ) : (
          <Table
            caption={t("signatures.domainsCaption")}
            captionHidden
            headers={[t("signatures.domain"), t("signatures.count"), t("signatures.check")]}
            numericColumns={[1]}
          >
            {activity.topDomains.map((row) => (
              <tr key={row.emailDomain}>
                <th scope="row" className="break-all">
                  {row.emailDomain}
                </th>
                <td className="text-right tabular-nums">{format.number(row.count)}</td>
                <td>
                  <Link href={`${base}?emailDomain=${encodeURIComponent(row.emailDomain)}#invalidate`}>
                    {t("signatures.checkDomain", { domain: row.emailDomain })}
                  </Link>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t("signatures.networksTitle")}>
        {activity.topNetworks.length === 0 ? (
          <p>{t("signatures.topNone")}</p>
        ) : (
          <Table
            caption={t("signatures.networksCaption")}
            captionHidden
            headers={[t("signatures.network"), t("signatures.count"), t("signatures.check")]}
            numericColumns={[1]}
          >
            {activity.topNetworks.map((row) => (
              <tr key={row.network ?? "other"}>
                <th scope="row">{row.network ?? t("signatures.otherAddresses")}</th>
                <td className="text-right tabular-nums">{format.number(row.count)}</td>
                <td>
                  {row.network ? (
                    <Link href={`${base}?ipRange=${encodeURIComponent(row.network)}#invalidate`}>
                      {t("signatures.checkNetwork", { network: row.network })}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section id="invalidate" title={t("signatures.invalidateTitle")} description={t("signatures.invalidateDescription")}>
        <form method="get" action={`${base}#invalidate`} noValidate className="stack">
          <ErrorSummary id="criteria-error-summary" title={t("errorSummary")} errors={summary} />
          <input type="hidden" name="preview" value="1" />
          <TextInput
            id="emailDomain"
            name="emailDomain"
            label={t("signatures.emailDomainLabel")}
            hint={t("signatures.emailDomainHint")}
            defaultValue={criteriaInput.emailDomain}
            error={errorOf("emailDomain")}
            autoComplete="off"
            spellCheck={false}
            width="medium"
          />
          <TextInput
            id="ipRange"
            name="ipRange"
            label={t("signatures.ipRangeLabel")}
            hint={t("signatures.ipRangeHint")}
            defaultValue={criteriaInput.ipRange}
            error={errorOf("ipRange")}
            autoComplete="off"
            spellCheck={false}
            inputMode="decimal"
            width="medium"
          />
          <Button type="submit" variant="secondary" fullWidthOnMobile>
            {t("signatures.preview")}
          </Button>
        </form>
        {criteria && preview ? (
          <div className="mt-8">
            <Notice tone={preview.total > 0 ? "warning" : "info"} title={t("signatures.previewResult", { total: preview.total })}>
              <p>
                {t("signatures.previewCriteria")}:{" "}
                {[
                  criteria.emailDomain ? t("signatures.criteriaDomain", { domain: criteria.emailDomain }) : null,
                  criteria.ipRange ? t("signatures.criteriaRange", { range: criteria.ipRange }) : null,
                ]
                  .filter(Boolean)
                  .join(" + ")}
              </p>
              {preview.total > 0 ? <p>{t("signatures.previewSplit", { confirmed: preview.confirmed, pending: preview.pending })}</p> : null}
            </Notice>
            {preview.total > 0 ? (
              <>
                <h3 className="mt-6 mb-4 text-xl font-bold">{t("signatures.confirmTitle")}</h3>
                <ConfirmInvalidationForm
                  petitionId={petition.id}
                  number={number}
                  emailDomain={criteria.emailDomain}
                  ipRange={criteria.ipRange}
                  count={preview.total}
                />
              </>
            ) : null}
          </div>
        ) : null}
      </Section>

      <Section title={t("signatures.historyTitle")}>
        {activity.invalidations.length === 0 ? (
          <p>{t("signatures.historyNone")}</p>
        ) : (
          <Table
            caption={t("signatures.historyCaption")}
            captionHidden
            headers={[t("signatures.historyWhen"), t("signatures.historyCriteria"), t("signatures.historyCount"), t("signatures.historyReason")]}
            numericColumns={[2]}
          >
            {activity.invalidations.map((row) => (
              <tr key={row.id}>
                <th scope="row">{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</th>
                <td className="break-all">
                  {[
                    row.criteria.emailDomain ? t("signatures.criteriaDomain", { domain: row.criteria.emailDomain }) : null,
                    row.criteria.ipRange ? t("signatures.criteriaRange", { range: row.criteria.ipRange }) : null,
                  ]
                    .filter(Boolean)
                    .join(" + ")}
                </td>
                <td className="text-right tabular-nums">{format.number(row.count)}</td>
                <td className="whitespace-pre-line break-words">{row.reason}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
