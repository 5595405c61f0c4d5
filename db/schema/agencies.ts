import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Kinds of region: the 17 regions and the 3 cities of republican significance. */
export const REGION_KINDS = ["region", "city"] as const;

/** A region or city of republican significance; residents feed percentage thresholds. */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  kind: text("kind", { enum: REGION_KINDS }).notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  nameEn: text("name_en").notNull(),
  residents: integer("residents").notNull(),
  residentsAsOf: text("residents_as_of").notNull(),
});

/** The level of a state body decides its petition threshold and its response clock. */
export const AGENCY_LEVELS = [
  "national_body",
  "regional_akimat",
  "regional_maslikhat",
  "city_akimat",
  "city_maslikhat",
  "local_body",
  "quasi_public",
] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** A state body or quasi-public organization that petitions and public control address. */
export const agencies = pgTable(
  "agencies",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    slug: text("slug").notNull().unique(),
    nameKk: text("name_kk").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    level: text("level", { enum: AGENCY_LEVELS }).notNull(),
    regionCode: text("region_code").references(() => regions.code),
    website: text("website"),
    /** When true, a supervisor approves every answer before it is published. */
    requiresApproval: boolean("requires_approval").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agencies_level_idx").on(t.level), index("agencies_region_idx").on(t.regionCode)],
);

export const AGENCY_ROLES = ["staff", "supervisor"] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/** A person working for an agency, as staff or as a supervisor. */
export const agencyMemberships = pgTable(
  "agency_memberships",
  {
    agencyId: text("agency_id").notNull().references(() => agencies.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: AGENCY_ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.userId] }), index("agency_memberships_user_idx").on(t.userId)],
);

export type Region = typeof regions.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
