import { and, eq, inArray } from "drizzle-orm";
import { agencies, organizationMemberships, users, type Activity } from "@/db/schema";
import type { Executor } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { isLocale, localized, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import type { MailParams } from "@/lib/mail/render-mail";

/** The public address of an activity's page. */
export function activityUrl(activity: Pick<Activity, "number">): string {
  return `${siteUrl()}/activities/${activity.number}`;
}

/**
 * Who hears about an activity for its subject: the citizen; for an organization, the member who
 * created it and the organization's owners (not every member, so a large NGO is not flooded).
 */
export async function subjectRecipientIds(tx: Executor, activity: Pick<Activity, "subjectUserId" | "organizationId">): Promise<string[]> {
  const ids = new Set([activity.subjectUserId]);
  if (activity.organizationId) {
    const owners = await tx
      .select({ userId: organizationMemberships.userId })
      .from(organizationMemberships)
      .where(and(eq(organizationMemberships.organizationId, activity.organizationId), eq(organizationMemberships.role, "owner")));
    for (const owner of owners) ids.add(owner.userId);
  }
  return [...ids];
}

/** Mails the subject's people, each in their own language, in the caller's transaction. */
export async function mailActivitySubject(
  tx: Executor,
  activity: Pick<Activity, "subjectUserId" | "organizationId">,
  template: string,
  params: MailParams,
): Promise<void> {
  const ids = await subjectRecipientIds(tx, activity);
  const people = await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ids));
  for (const person of people) {
    await queueMail(tx, { to: person.email, template, locale: isLocale(person.locale) ? person.locale : "kk", params });
  }
}

/** The object's name in a language, for mail parameters. */
export async function agencyName(tx: Executor, agencyId: string, locale: Locale = "ru"): Promise<string> {
  const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
  return agency ? localized(agency, locale) : "";
}
