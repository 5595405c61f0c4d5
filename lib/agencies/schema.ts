import { z } from "zod";
import { plainString, searchText } from "@/lib/validation/text";
import { AGENCY_LEVELS, AGENCY_ROLES } from "@/db/schema/agencies";

/** Query of the public directory; numbers arrive as strings from the URL. */
export const agencySearchSchema = z.object({
  q: searchText(100).optional().default(""),
  level: z.enum(AGENCY_LEVELS).optional().catch(undefined),
  region: plainString().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
});

const name = plainString().trim().min(2, "tooShort").max(200, "tooLong");

/** An agency as an admin creates or edits it. */
export const agencyFormSchema = z.object({
  slug: plainString()
    .trim()
    .toLowerCase()
    .min(2, "tooShort")
    .max(80, "tooLong")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug"),
  nameKk: name,
  nameRu: name,
  nameEn: name,
  level: z.enum(AGENCY_LEVELS, { message: "choose" }),
  regionCode: plainString()
    .trim()
    .transform((v) => v || null)
    .nullable(),
  website: plainString()
    .trim()
    .transform((v) => v || null)
    // Only http(s) to a real domain: the website is shown as a link on public pages.
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: "url" }).nullable()),
  requiresApproval: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const agencyMembershipSchema = z.object({
  email: plainString().trim().toLowerCase().email("email"),
  role: z.enum(AGENCY_ROLES, { message: "choose" }),
});

/** The admin list: inactive agencies included, filtered by status. */
export const AGENCY_STATUS_FILTERS = ["all", "active", "inactive"] as const;
export const adminAgencySearchSchema = z.object({
  q: searchText(100).optional().default(""),
  status: z.enum(AGENCY_STATUS_FILTERS).optional().default("all").catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
});

/** Deactivating or reactivating an agency from its admin page. */
export const agencyActiveSchema = z.object({
  agencyId: plainString().trim().min(1, "required"),
  active: z.enum(["true", "false"], { message: "choose" }).transform((v) => v === "true"),
});

/** Removing a person from an agency. */
export const agencyMemberRemovalSchema = z.object({
  agencyId: plainString().trim().min(1, "required"),
  userId: plainString().trim().min(1, "required"),
});

export type AgencySearch = z.infer<typeof agencySearchSchema>;
export type AdminAgencySearch = z.infer<typeof adminAgencySearchSchema>;
export type AgencyMembershipInput = z.infer<typeof agencyMembershipSchema>;
export type AgencyForm = z.infer<typeof agencyFormSchema>;
