import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Organization } from "@/db/schema";

/**
 * An organization's registration details as a `facts` list: BIN, contact e-mail, and phone,
 * website and address when given; `children` adds the page's own rows after them. With
 * `linkContacts` the e-mail and website are links (the public page); without, plain text (the
 * moderation queue, where an unverified organization's website is not yet vouched for).
 */
export async function OrganizationFacts({
  organization,
  linkContacts = false,
  className,
  children,
}: {
  organization: Pick<Organization, "bin" | "contactEmail" | "phone" | "website" | "address">;
  linkContacts?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const t = await getTranslations("organizations");
  return (
    <dl className={className ? `facts ${className}` : "facts"}>
      <dt>{t("page.bin")}</dt>
      <dd className="tabular-nums">{organization.bin}</dd>
      <dt>{t("page.contactEmail")}</dt>
      <dd>{linkContacts ? <a href={`mailto:${organization.contactEmail}`}>{organization.contactEmail}</a> : organization.contactEmail}</dd>
      {organization.phone ? (
        <>
          <dt>{t("page.phone")}</dt>
          <dd>{organization.phone}</dd>
        </>
      ) : null}
      {organization.website ? (
        <>
          <dt>{t("page.website")}</dt>
          <dd>
            {linkContacts ? (
              <a href={organization.website} rel="nofollow noopener noreferrer">
                {organization.website}
              </a>
            ) : (
              organization.website
            )}
          </dd>
        </>
      ) : null}
      {organization.address ? (
        <>
          <dt>{t("page.address")}</dt>
          <dd>{organization.address}</dd>
        </>
      ) : null}
      {children}
    </dl>
  );
}
