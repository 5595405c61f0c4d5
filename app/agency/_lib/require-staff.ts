import "server-only";
import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { loadDashboardAgency } from "@/lib/agency/load-item";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

/**
 * For the dashboard's pages: a visitor is sent to sign in; anyone who is not staff of the
 * agency gets the plain 404 page. Not the security check — every domain function checks
 * again — but it keeps other agencies' staff from learning that an address exists.
 */
export async function requireAgencyStaff(agencyId: string, returnTo: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  const locale = (await getLocale()) as Locale;
  try {
    const agency = await loadDashboardAgency(getDb(), actor, agencyId, locale);
    return { actor: actor as Actor, agency, locale };
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/** Turns a refusal of a dashboard read into the 404 page; anything else propagates. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
