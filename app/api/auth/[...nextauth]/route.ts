import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { checkSignInRateLimit } from "@/lib/auth/sign-in-rate-limit";
import { clientIp } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-error";

export const GET = handlers.GET;

/** Sign-in requests posted straight to Auth.js are rate-limited like the form's. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    if (!(await checkSignInRateLimit({ email, ip: clientIp(request.headers) }))) {
      return jsonError("rate_limited", "Too many sign-in requests. Try again later.");
    }
  }
  return handlers.POST(request);
}
