import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const production = process.env.NODE_ENV === "production";

// The Content-Security-Policy is not here: it carries a fresh nonce for each page, set by
// server.ts (lib/http/content-security-policy.ts) before Next renders, and /files/* keep their
// own sandbox policy. Next keeps the first value of a header it finds, so a site-wide one here
// would replace both.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(process.env.BIRGE_HSTS === "off" || !production
    ? []
    : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
];

const nextConfig: NextConfig = {
  // `npm run bench` builds into .data-bench/next, so it never rebuilds the .next others serve from.
  distDir: process.env.BIRGE_NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx (admin and moderation pages).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "30mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
