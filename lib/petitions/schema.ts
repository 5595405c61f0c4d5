import { z } from "zod";
import { plainString, searchText } from "@/lib/validation/text";
import { NAME_DISPLAYS } from "@/db/schema/petitions";
import { REJECTION_REASONS } from "./states";
import { isValidIin } from "./iin";

// Written once, used by the forms (zodResolver) and by the actions and API (safeParse).
// Messages are keys of the "validation" catalog and of "petitions.validation".

/** Browsers send line breaks as \r\n; count them as one character, as the counter does. */
const text = (min: number, max: number) =>
  plainString({ message: "required" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));

export const PETITION_LIMITS = { title: 80, request: 300, reasons: 1500 } as const;

export const petitionFormSchema = z.object({
  title: text(10, PETITION_LIMITS.title),
  request: text(20, PETITION_LIMITS.request),
  reasons: text(20, PETITION_LIMITS.reasons),
  agencyId: plainString({ message: "chooseAgency" }).trim().min(1, "chooseAgency"),
  regionCode: plainString()
    .trim()
    .optional()
    .transform((v) => v || null),
});
export type PetitionForm = z.infer<typeof petitionFormSchema>;

/** Shortest title worth looking up similar petitions for. */
export const SIMILAR_QUERY_MIN = 4;

/**
 * `?q=` of the similar-petitions lookup: the title as it is being typed. A control character is
 * refused (400), not quietly dropped: the form never sends one.
 */
export const similarPetitionsQuerySchema = z.object({
  q: z
    .string({ message: "required" })
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "controlCharacters")
    .transform((value) => value.trim())
    .pipe(z.string().min(SIMILAR_QUERY_MIN, "tooShort").max(PETITION_LIMITS.title, "tooLong")),
});

/** Refuses names that spreadsheets would run as formulas, and names that carry links. */
export function nameProblem(name: string): "formula" | "link" | null {
  if (/^[=+\-@]/.test(name)) return "formula";
  if (/(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|kz|ru|net|org|info|io|me)\b)/i.test(name)) return "link";
  return null;
}

// The signing hot path parses this for every signature: each string field is checked by its own
// single pass (plainString), never by a walk over the whole object, which cost a third of the parse.
export const signatureFormSchema = z.object({
  fullName: plainString({ message: "required" })
    .trim()
    .min(2, "tooShort")
    .max(100, "tooLong")
    .superRefine((name, ctx) => {
      const problem = nameProblem(name);
      if (problem === "formula") ctx.addIssue({ code: "custom", message: "nameFormula" });
      if (problem === "link") ctx.addIssue({ code: "custom", message: "nameLink" });
    }),
  // zod's e-mail pattern admits only printable ASCII: no control character or surrogate passes it.
  email: z.string({ message: "required" }).trim().max(254, "tooLong").email("email"),
  regionCode: plainString({ message: "chooseRegion" }).trim().min(1, "chooseRegion").max(40),
  // Twelve digits or nothing (isValidIin): no other character passes.
  iin: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isValidIin(v), "iin"),
  nameDisplay: z.enum(NAME_DISPLAYS).optional().default("initials"),
  consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { message: "consent" })),
  notify: z.preprocess((v) => v === undefined ? true : v === "on" || v === "true" || v === true, z.boolean()),
});
export type SignatureForm = z.infer<typeof signatureFormSchema>;

export const rejectPetitionSchema = z.object({
  reason: z.enum(REJECTION_REASONS, { message: "choose" }),
  note: plainString()
    .trim()
    .max(1000, "tooLong")
    .optional()
    .transform((v) => v || null),
  suggestedAgencyId: plainString()
    .trim()
    .optional()
    .transform((v) => v || null),
});
export type RejectPetitionInput = z.infer<typeof rejectPetitionSchema>;

/** Public list filters and sorts, as they come from the URL or the API query. */
export const PETITION_SORTS = ["most_signed", "newest", "closing_soon"] as const;
export const petitionListSchema = z.object({
  q: searchText(200).optional().default(""),
  state: z.enum(["open", "closed", "responded", "rejected", "awaiting_response"]).optional().catch(undefined),
  agency: plainString().trim().max(100).optional().catch(undefined),
  region: plainString().trim().max(40).optional().catch(undefined),
  sort: z.enum(PETITION_SORTS).optional().default("most_signed").catch("most_signed"),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20).catch(20),
});
export type PetitionListQuery = z.infer<typeof petitionListSchema>;
