import type { IncomingMessage, ServerResponse } from "node:http";

// The one list of the headers every answer carries: next.config.ts gives them to Next's pages
// and routes, and what the server answers itself (server.ts's refusals, the hot path, a render
// worker that is restarting, a request Next failed on) sets them from here too, so an error
// answer is never the one without them.

const production = process.env.NODE_ENV === "production";

/**
 * The policy of what the server answers itself (JSON refusals and errors, the hot path): such an
 * answer loads nothing and may not be framed. Pages get a policy with a fresh nonce instead
 * (lib/http/content-security-policy.ts), files their sandbox (lib/files/response-headers.ts).
 */
export const OWN_ANSWER_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A stored file's policy when Next answers for /files/* before the file route does (a 404, say). */
const FILE_POLICY = "default-src 'none'; sandbox";

/**
 * Name and value of each security header but the Content-Security-Policy, in next.config.ts's
 * `headers()` shape. Next keeps the first value of a header it finds, so a site-wide policy there
 * would replace each page's nonce and each file's sandbox.
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.BIRGE_HSTS === "off" || !production
    ? []
    : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
];

/** The same headers with the server's own policy, as an object for `res.writeHead`. */
export function securityHeaderObject(): Record<string, string> {
  return {
    "content-security-policy": OWN_ANSWER_POLICY,
    ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value])),
  };
}

/**
 * Sets each security header the response does not carry yet. Called before Next handles a
 * request, so that its own failures (a 400 for an address it cannot decode, a 500 page) carry
 * them too; a page or route that sets its own value (a file's sandbox CSP, say) replaces it.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  for (const { key, value } of SECURITY_HEADERS) if (!res.hasHeader(key)) res.setHeader(key, value);
  if (res.hasHeader("content-security-policy")) return;
  // server.ts puts a page's nonce policy on the request (a render worker sees only the request).
  const pagePolicy = req.headers["content-security-policy"];
  if (typeof pagePolicy === "string") res.setHeader("Content-Security-Policy", pagePolicy);
  else res.setHeader("Content-Security-Policy", (req.url ?? "").startsWith("/files/") ? FILE_POLICY : OWN_ANSWER_POLICY);
}
