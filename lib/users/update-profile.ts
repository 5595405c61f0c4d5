import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import type { ProfileInput } from "@/lib/auth/schema";

/** A person changes their own display name and preferred language. */
export async function updateProfile(options: { db: Database; actor: Actor | null; input: ProfileInput }): Promise<void> {
  const { db, actor, input } = options;
  assertSignedIn(actor);
  await db.update(users).set({ name: input.name, locale: input.locale }).where(eq(users.id, actor.id));
}
