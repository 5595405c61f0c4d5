import { z } from "zod";
import { plainString } from "@/lib/validation/text";

/** Lower-cases and trims an e-mail for sign-in; accounts are one per address as typed. */
export function normalizeSignInEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The sign-in form: an e-mail address. Messages are keys in the "validation" catalog. */
export const signInSchema = z.object({
  email: plainString().trim().min(1, "required").max(254, "tooLong").email("email"),
  callbackUrl: plainString().optional(),
});

export const profileSchema = z.object({
  name: plainString().trim().min(1, "required").max(100, "tooLong"),
  locale: z.enum(["kk", "ru", "en"], { message: "choose" }),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;
