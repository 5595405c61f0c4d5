import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { parseSignInEmail } from "@/lib/auth/schema";
import { checkSignInRateLimit } from "@/lib/auth/sign-in-rate-limit";
import { clientIp } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-error";
import { isSameOrigin } from "@/lib/http/same-origin";
import { safeReturnPath } from "@/lib/http/safe-return-path";

/** The e-mail link's parameters, as the confirmation page and the callback pass them on. */
const LINK_PARAMS = ["token", "email", "callbackUrl"] as const;

/**
 * Opening the e-mail callback signs nobody in: it shows the confirmation page, whose button
 * POSTs (below). Otherwise a page could send a visitor to the callback with the attacker's own
 * token and sign them into the attacker's account (login CSRF).
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/email")) {
    const confirm = new URL("/sign-in/confirm", request.nextUrl.origin);
    for (const key of LINK_PARAMS) {
      const value = request.nextUrl.searchParams.get(key);
      if (value) confirm.searchParams.set(key, value);
    }
    return Response.redirect(confirm, 303);
  }
  return handlers.GET(request);
}

export async function POST(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path.endsWith("/signin/email")) return requestSignInLink(request);
  if (path.endsWith("/callback/email")) return completeSignIn(request);
  return handlers.POST(request);
}

async function formOf(request: NextRequest): Promise<FormData | null> {
  return request.formData().catch(() => null);
}

/**
 * A sign-in request posted straight to Auth.js: checked with the form's own schema (one address,
 * nothing else) and rate-limited like the form, before Auth.js sees it; Auth.js then gets only
 * the checked values.
 */
async function requestSignInLink(request: NextRequest): Promise<Response> {
  const form = await formOf(request);
  const email = parseSignInEmail(form?.get("email"));
  if (!form || !email) return jsonError("validation", "Give one valid e-mail address.");
  if (!(await checkSignInRateLimit({ email, ip: clientIp(request.headers) }))) {
    return jsonError("rate_limited", "Too many sign-in requests. Try again later.");
  }
  const checked = new URLSearchParams({ email, csrfToken: String(form.get("csrfToken") ?? "") });
  const callbackUrl = form.get("callbackUrl");
  if (typeof callbackUrl === "string") checked.set("callbackUrl", callbackUrl);
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body: checked }));
}

/**
 * The confirmation page's button: only a POST from a page of this site (the browser's Origin)
 * completes the sign-in, which Auth.js does from the link's parameters in the address.
 */
async function completeSignIn(request: NextRequest): Promise<Response> {
  if (!request.headers.get("origin") || !isSameOrigin(request.headers)) {
    return jsonError("forbidden", "Sign in from the confirmation page of this site.");
  }
  const form = await formOf(request);
  const token = form?.get("token");
  const email = form?.get("email");
  if (typeof token !== "string" || !token || typeof email !== "string" || !email || token.length > 200 || email.length > 254) {
    return jsonError("validation", "The sign-in link is incomplete.");
  }
  // On the address the browser used (its Origin, checked above to be this host): behind server.ts,
  // request.url names the host Next was started with, and Auth.js would send the signed-in person
  // there, where their new cookie does not apply (127.0.0.1 vs localhost).
  const callback = new URL(request.nextUrl.pathname, request.headers.get("origin")!);
  callback.searchParams.set("token", token);
  callback.searchParams.set("email", email);
  callback.searchParams.set("callbackUrl", safeReturnPath(form?.get("callbackUrl") ?? "/"));
  const headers = new Headers(request.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  const answer = await handlers.GET(new NextRequest(callback, { method: "GET", headers }));
  // Auth.js names the host it was started under in its redirect (localhost where the person used
  // 127.0.0.1), which the page's form-action policy blocks: the path alone keeps them where they are.
  const location = answer.headers.get("location");
  if (!location) return answer;
  const target = new URL(location, callback);
  const relative = new Headers(answer.headers);
  relative.set("location", safeReturnPath(target.pathname + target.search));
  return new Response(answer.body, { status: answer.status, headers: relative });
}
