import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import { binProblem, normalizeBin } from "./bin";

// Written once, used by the forms and the actions (safeParse). Messages are keys of the
// "validation" catalog, or of "organizations.validation".

const text = (min: number, max: number) =>
  plainString({ message: "required" })
    .transform((v) => v.trim())
    .pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));

const optional = (max: number) =>
  plainString()
    .optional()
    .transform((v) => v?.trim() || null)
    .pipe(z.string().max(max, "tooLong").nullable());

export const organizationFormSchema = z.object({
  name: text(3, 200),
  bin: plainString({ message: "required" })
    .transform(normalizeBin)
    .superRefine((value, ctx) => {
      if (!value) return ctx.addIssue({ code: "custom", message: "required" });
      const problem = binProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem === "format" ? "binFormat" : "binInvalid" });
    }),
  contactEmail: plainString({ message: "required" }).trim().max(254, "tooLong").email("email"),
  phone: optional(40).refine((v) => v === null || /^\+?[0-9 ()-]{6,40}$/.test(v), "phone"),
  website: optional(300).refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), "url"),
  address: optional(500),
});
export type OrganizationFormInput = z.infer<typeof organizationFormSchema>;

export const inviteMemberSchema = z.object({
  email: plainString({ message: "required" }).trim().max(254, "tooLong").email("email"),
});

export const refuseOrganizationSchema = z.object({
  reason: text(10, 2000),
});
