import { sql, type SQL } from "drizzle-orm";
import { siteUrl } from "@/lib/config";

/**
 * What every petition e-mail names — the petition's title and link — as a jsonb built in SQL
 * from a petition's title and number columns: the signing statement and the confirmation
 * mails written from signatures (confirmationMailsFor) build it the same way.
 */
export function petitionMailParams(title: SQL, number: SQL): SQL {
  return sql`jsonb_build_object('title', ${title}, 'url', ${siteUrl()} || '/petitions/' || ${number})`;
}
