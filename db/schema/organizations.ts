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
