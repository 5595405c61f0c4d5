import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { loadActor } from "./load-actor";
import type { Actor } from "./actor";

/** The signed-in person for this request (looked up once per request), or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadActor(getDb(), session.user.id);
});
