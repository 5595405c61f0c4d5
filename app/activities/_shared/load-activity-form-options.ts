import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listAddressees } from "@/lib/agencies/list-addressees";
import { localized, type Locale } from "@/lib/i18n/locales";
import { listActorOrganizations } from "@/lib/organizations/queries";
import type { ActivityFormOptions } from "./activity-form";

/** The objects (grouped by level) and the subjects the actor may act as, in the reader's language. */
export async function loadActivityFormOptions(actor: Actor, locale: Locale): Promise<ActivityFormOptions> {
  const db = getDb();
  const [agencies, organizations, ta, t] = await Promise.all([listAddressees(db), listActorOrganizations(db, actor), getTranslations("agencies"), getTranslations("activities")]);
  return {
    agencies: agencies.map((a) => ({ id: a.id, name: localized(a, locale), levelLabel: ta(`levels.${a.level}`) })),
    organizations: organizations
      .filter((o) => o.state !== "refused")
      .map((o) => ({ id: o.id, name: o.state === "verified" ? o.name : t("form.organizationPending", { name: o.name }) })),
  };
}
