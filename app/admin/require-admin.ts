import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { isAdmin } from "@/lib/auth/permissions";

/**
 * For admin pages and the admin layout: sends a visitor to sign in and answers 403 to a
 * signed-in person without the admin role. Pages call it too, not only the layout: a client
 * navigation between admin pages re-renders the page without re-running the layout. Server
 * actions rely on the domain functions' own check.
 */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/admin");
  if (!isAdmin(actor)) forbidden();
  return actor;
}
