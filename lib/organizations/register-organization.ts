import { eq, like, or } from "drizzle-orm";
import { organizationMemberships, organizations, type Organization } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/agencies/is-unique-violation";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { insertFileRow, isChosenFile, prepareUpload } from "@/lib/files/store-upload";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import type { OrganizationFormInput } from "./schema";
import { slugify } from "./slug";

/** Registrations one person may make in a day. */
export const REGISTRATIONS_PER_DAY = 3;

/**
 * A signed-in citizen registers an NGO with its founding document. It waits for a moderator's
 * verification; the registrant becomes its owner.
 */
export async function registerOrganization(options: {
  db: Database;
  actor: Actor | null;
  input: OrganizationFormInput;
  foundingDocument: File | null | undefined;
  now?: Date;
}): Promise<Organization> {
  const { db, actor, input, foundingDocument, now = new Date() } = options;
  assertSignedIn(actor);
  if (!isChosenFile(foundingDocument)) throw new DomainError("validation", "validation", { foundingDocument: ["foundingDocumentRequired"] });
  const [taken] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.bin, input.bin));
  if (taken) throw new DomainError("validation", "validation", { bin: ["binTaken"] });
  if (!(await hitRateLimit(db, { key: `organization-register:${actor.id}`, limit: REGISTRATIONS_PER_DAY, windowSeconds: 86_400 }, now))) {
    throw new DomainError("rate_limited", "rateLimited");
  }
  const prepared = await prepareUpload(foundingDocument, { field: "foundingDocument" });
  const base = slugify(input.name);

  try {
    return await db.transaction(async (tx) => {
      const used = new Set(
        (await tx.select({ slug: organizations.slug }).from(organizations).where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)))).map(
          (r) => r.slug,
        ),
      );
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      const [organization] = await tx
        .insert(organizations)
        .values({
          slug,
          name: input.name,
          bin: input.bin,
          contactEmail: input.contactEmail,
          phone: input.phone,
          website: input.website,
          address: input.address,
          registeredBy: actor.id,
          state: "pending",
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx.insert(organizationMemberships).values({ organizationId: organization.id, userId: actor.id, role: "owner", createdAt: now });
      const file = await insertFileRow(tx, { prepared, uploadedBy: actor.id, purpose: "founding_document", organizationId: organization.id, now });
      const [registered] = await tx
        .update(organizations)
        .set({ foundingDocumentFileId: file.id })
        .where(eq(organizations.id, organization.id))
        .returning();
      await recordEvent(tx, {
        entityType: "organization",
        entityId: organization.id,
        actorId: actor.id,
        action: "registered",
        toState: "pending",
        data: { bin: organization.bin, foundingDocumentFileId: file.id },
        occurredAt: now,
      });
      return registered;
    });
  } catch (error) {
    // Two registrations of one BIN at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(error, "organizations_bin_unique")) {
      throw new DomainError("validation", "validation", { bin: ["binTaken"] });
    }
    throw error;
  }
}
