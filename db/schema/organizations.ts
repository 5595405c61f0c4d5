import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const ORGANIZATION_STATES = ["pending", "verified", "refused"] as const;

/** A non-profit organization that runs public control once a moderator has verified it. */
export const organizations = pgTable("organizations", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  bin: text("bin").notNull().unique(),
  contactEmail: text("contact_email").notNull(),
  state: text("state", { enum: ORGANIZATION_STATES }).notNull().default("pending"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  phone: text("phone"),
  website: text("website"),
  address: text("address"),
  /** The founding document (charter or registration certificate), an id in the files table. */
  foundingDocumentFileId: text("founding_document_file_id"),
  /** The citizen who registered it (its first owner). */
  registeredBy: text("registered_by").references(() => users.id),
  refusalReason: text("refusal_reason"),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  verifiedBy: text("verified_by").references(() => users.id),
  refusedAt: timestamp("refused_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const ORGANIZATION_ROLES = ["member", "owner"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** A person acting for an organization; the owner manages the members. */
export const organizationMemberships = pgTable(
  "organization_memberships",
  {
    organizationId: text("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ORGANIZATION_ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("organization_memberships_user_idx").on(t.userId)],
);

/** An e-mailed invitation to join an organization; the link carries the token, the row keeps its hash. */
export const organizationInvitations = pgTable(
  "organization_invitations",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    organizationId: text("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("organization_invitations_org_idx").on(t.organizationId, t.email)],
);

export type Organization = typeof organizations.$inferSelect;
export type OrganizationInvitation = typeof organizationInvitations.$inferSelect;
