import type { ServerResponse } from "node:http";

// The one list of the headers every answer carries: next.config.ts gives them to Next's pages
// and routes, and what the server answers itself (server.ts's refusals, the hot path, a render
// worker that is restarting, a request Next failed on) sets them from here too, so an error
// answer is never the one without them.

const production = process.env.NODE_ENV === "production";

/**
 * Next injects inline bootstrap scripts, so scripts stay 'self' + 'unsafe-inline' until nonces
 * are wired through a proxy; everything else is locked to our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'" + (production ? "" : " 'unsafe-eval'"),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** Name and value of each security header, in next.config.ts's `headers()` shape. */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.BIRGE_HSTS === "off" || !production
    ? []
    : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
];

/** The same headers as an object for `res.writeHead`. */
export function securityHeaderObject(): Record<string, string> {
  return Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));
}

/**
 * Sets each security header the response does not carry yet. Called before Next handles a
 * request, so that its own failures (a 400 for an address it cannot decode, a 500 page) carry
 * them too; a page or route that sets its own value (a file's sandbox CSP, say) replaces it.
 */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const { key, value } of SECURITY_HEADERS) if (!res.hasHeader(key)) res.setHeader(key, value);
}
