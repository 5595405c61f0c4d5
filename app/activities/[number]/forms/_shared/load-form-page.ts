import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Activity } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { visibleActivityByNumber } from "@/lib/public-control/load-activity";
import { WORKING, type ActivityForm } from "@/lib/public-control/states";
import { actsForSubject } from "@/lib/public-control/subject";
import { serialNumberOf } from "@/lib/validation/numbers";

/** What every form page needs: the activity, who is looking, and whether they may add to it. */
export interface FormPage {
  activity: Activity;
  actor: Actor | null;
  /** The viewer acts for the activity's subject. */
  isSubject: boolean;
  /** The subject may add content now (the activity is announced or in progress). */
  canAdd: boolean;
}

/**
 * The activity behind a form page, or 404: when the number is nonsense, the activity is someone
 * else's draft, or its plan lists none of `forms`. Not the security check; the domain functions are.
 */
export function loadFormPage(numberParam: string, forms: readonly ActivityForm[]): Promise<FormPage> {
  return loadFormPageOnce(numberParam, forms.join(","));
}

// Cached per request by plain strings, so the metadata and the page share one lookup.
const loadFormPageOnce = cache(async (numberParam: string, formsKey: string): Promise<FormPage> => {
  const forms = formsKey.split(",") as ActivityForm[];
  if (serialNumberOf(numberParam) === null) notFound();
  const actor = await currentActor();
  const activity = await visibleActivityByNumber(getDb(), Number(numberParam), actor);
  if (!activity || !forms.some((form) => activity.forms.includes(form))) notFound();
  const isSubject = actsForSubject(actor, activity);
  return { activity, actor, isSubject, canAdd: isSubject && WORKING.includes(activity.state) };
});

/** Breadcrumbs from the activities list to this form's page. */
export function formBreadcrumbs(activity: Activity, listLabel: string, formLabel: string) {
  return [{ href: "/activities", label: listLabel }, { href: `/activities/${activity.number}`, label: activity.title }, { label: formLabel }];
}
