import { eq } from "drizzle-orm";
import { agencyMemberships, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import type { MailParams } from "@/lib/mail/render-mail";

function localeOr(value: string | null | undefined, fallback: Locale = "kk"): Locale {
  return isLocale(value) ? value : fallback;
}

/** Mails one account holder in their preferred language. */
export async function mailUser(tx: Executor, userId: string, template: string, params: MailParams): Promise<void> {
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await queueMail(tx, { to: user.email, template, locale: localeOr(user.locale), params });
}

/** Mails every staff member and supervisor of an agency. */
export async function mailAgencyStaff(tx: Executor, agencyId: string, template: string, params: MailParams): Promise<void> {
  const staff = await tx
    .select({ email: users.email, locale: users.locale })
    .from(agencyMemberships)
    .innerJoin(users, eq(users.id, agencyMemberships.userId))
    .where(eq(agencyMemberships.agencyId, agencyId));
  for (const person of staff) await queueMail(tx, { to: person.email, template, locale: localeOr(person.locale), params });
}
