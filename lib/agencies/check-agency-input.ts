import { eq } from "drizzle-orm";
import { regions } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { agencyFormSchema, type AgencyForm } from "./schema";

/**
 * Validates an agency form again inside the domain (server actions are public endpoints)
 * and checks that the region exists, so a bad code is a field error, not a foreign-key crash.
 */
export async function checkAgencyInput(db: Executor, input: AgencyForm): Promise<AgencyForm> {
  // The schema reads form strings: an absent website or region arrives as "".
  const parsed = agencyFormSchema.safeParse({ ...input, website: input.website ?? "", regionCode: input.regionCode ?? "" });
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  if (parsed.data.regionCode) {
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, parsed.data.regionCode));
    if (!region) throw new DomainError("validation", "invalidInput", { regionCode: ["choose"] });
  }
  return parsed.data;
}

/** The refusal for a slug another agency already uses, with the field error the form shows. */
export function slugTaken(): DomainError {
  return new DomainError("conflict", "slugTaken", { slug: ["slugTaken"] });
}
