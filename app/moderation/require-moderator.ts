import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { isModerator } from "@/lib/auth/permissions";

/**
 * For the moderation layout and pages: a visitor is sent to sign in and back to `path`, a
 * signed-in person without the moderator role gets 403 (app/forbidden.tsx). Pages call it
 * too, since a client navigation re-renders a page without its layout. Not the security
 * check: every domain function asserts the role itself.
 */
export async function requireModerator(path = "/moderation"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!isModerator(actor)) forbidden();
  return actor;
}
