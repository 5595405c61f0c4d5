import { and, eq, inArray } from "drizzle-orm";
import { agencyMemberships, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import { siteUrl } from "@/lib/config";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import type { MailParams } from "@/lib/mail/render-mail";
import type { AgencyItemKind } from "./states";

/** The dashboard page of an item, for links in mail. */
export function itemUrl(agencyId: string, kind: AgencyItemKind, itemId: string): string {
  return `${siteUrl()}/agency/${agencyId}/items/${kind}/${itemId}`;
}

/** The supervisors of an agency (user ids). */
export async function supervisorIds(tx: Executor, agencyId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: agencyMemberships.userId })
    .from(agencyMemberships)
    .where(and(eq(agencyMemberships.agencyId, agencyId), eq(agencyMemberships.role, "supervisor")));
  return rows.map((row) => row.userId);
}

/** Mails each person once, in their own language, in the caller's transaction; returns how many were mailed. */
export async function mailPeople(tx: Executor, userIds: readonly (string | null | undefined)[], template: string, params: MailParams): Promise<number> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return 0;
  const people = await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ids));
  for (const person of people) {
    await queueMail(tx, { to: person.email, template, locale: isLocale(person.locale) ? person.locale : "kk", params });
  }
  return people.length;
}
