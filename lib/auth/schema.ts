import { z } from "zod";
import { plainString } from "@/lib/validation/text";

/** Lower-cases and trims an e-mail for sign-in; accounts are one per address as typed. */
export function normalizeSignInEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * One e-mail address to sign in with. The same check guards every way into Auth.js (the form,
 * a POST straight to /api/auth/signin/email, the provider itself): one recipient, no lists
 * ("a@x, b@y"), no line breaks, at most 254 characters.
 */
export const signInEmailSchema = plainString().trim().min(1, "required").max(254, "tooLong").email("email");

/** The address as Auth.js keeps it, or null when it is not one valid address. */
export function parseSignInEmail(value: unknown): string | null {
  const parsed = signInEmailSchema.safeParse(value);
  return parsed.success ? normalizeSignInEmail(parsed.data) : null;
}

/** The sign-in form: an e-mail address. Messages are keys in the "validation" catalog. */
export const signInSchema = z.object({
  email: signInEmailSchema,
  callbackUrl: plainString().optional(),
});

export const profileSchema = z.object({
  name: plainString().trim().min(1, "required").max(100, "tooLong"),
  locale: z.enum(["kk", "ru", "en"], { message: "choose" }),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;
