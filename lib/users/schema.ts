import { z } from "zod";
import { plainString, searchText } from "@/lib/validation/text";
import { PLATFORM_ROLES } from "@/db/schema/auth";

/** The admin's user search; numbers arrive as strings from the URL. */
export const userSearchSchema = z.object({
  q: searchText(200).optional().default(""),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
});

/** One grant or revoke button on the users page. */
export const platformRoleChangeSchema = z.object({
  userId: plainString().trim().min(1, "required"),
  role: z.enum(PLATFORM_ROLES, { message: "choose" }),
  change: z.enum(["grant", "revoke"], { message: "choose" }),
});

export type UserSearch = z.infer<typeof userSearchSchema>;
