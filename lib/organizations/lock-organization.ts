import { eq } from "drizzle-orm";
import { organizationMemberships, organizations, users, type Organization } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import type { MailParams } from "@/lib/mail/render-mail";

/** Loads and locks an organization for a change; not_found when there is none. */
export async function lockOrganization(tx: Executor, organizationId: string): Promise<Organization> {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for("update");
  if (!organization) throw new DomainError("not_found", "notFound");
  return organization;
}

export async function organizationBySlug(db: Executor, slug: string): Promise<Organization | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return organization ?? null;
}

/** Mails every owner of the organization in their language. */
export async function mailOrganizationOwners(tx: Executor, organizationId: string, template: string, params: MailParams): Promise<void> {
  const owners = await tx
    .select({ email: users.email, locale: users.locale, role: organizationMemberships.role })
    .from(organizationMemberships)
    .innerJoin(users, eq(users.id, organizationMemberships.userId))
    .where(eq(organizationMemberships.organizationId, organizationId));
  for (const owner of owners.filter((o) => o.role === "owner")) {
    await queueMail(tx, { to: owner.email, template, locale: isLocale(owner.locale) ? owner.locale : "kk", params });
  }
}
