import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The site's Content-Security-Policy for a response whose inline scripts carry `nonce`. Next
 * renders its bootstrap and data scripts inline; it gives each the nonce it finds in the
 * request's own Content-Security-Policy header, so no script runs without it — no
 * 'unsafe-inline' for scripts. Styles keep 'unsafe-inline' (React's style attributes).
 * Development adds 'unsafe-eval' for Next's hot reloading.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Uploaded files answer with their own sandbox policy (lib/files/response-headers.ts): never replaced. */
const OWN_POLICY = /^\/files\//;

/**
 * Gives a request that goes to Next a fresh nonce: the policy is set on the request, where Next
 * reads the nonce for the page's scripts, and on the response — before Next renders, because
 * Next keeps a header it finds. The public page cache keeps a page with its response headers,
 * so a kept page goes out with the policy of the render that made it, nonce and all.
 */
export function applyContentSecurityPolicy(req: IncomingMessage, res: ServerResponse, development = false): void {
  // A policy the client sent must not choose the nonce.
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  if (OWN_POLICY.test(req.url ?? "")) return;
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), development);
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}
