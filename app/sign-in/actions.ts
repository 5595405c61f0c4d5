"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn, signOut } from "@/auth";
import { signInSchema } from "@/lib/auth/schema";
import { checkSignInRateLimit } from "@/lib/auth/sign-in-rate-limit";
import { clientIp } from "@/lib/http/client-ip";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

export interface SignInState {
  email?: string;
  fieldErrors?: Record<string, string[]>;
  message?: string;
}

export async function requestSignInLink(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success) return { email: String(formData.get("email") ?? ""), fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, callbackUrl } = parsed.data;
  if (!(await checkSignInRateLimit({ email, ip: clientIp(await headers()) }))) {
    return { email, message: "rateLimited" };
  }
  try {
    await signIn("email", { email, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof AuthError) return { email, message: "signInFailed" };
    throw error;
  }
  return { email };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
