import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./lib/http/security-headers";
import { uploadRequestMaxBytes } from "./lib/http/body-limits";

// The Content-Security-Policy is not among these headers: it carries a fresh nonce for each page,
// set by server.ts (lib/http/content-security-policy.ts) before Next renders, and /files/* keep
// their own sandbox policy. Next keeps the first value of a header it finds, so a site-wide one
// here would replace both.

const nextConfig: NextConfig = {
  // `npm run bench` builds into .data-bench/next, so it never rebuilds the .next others serve from.
  distDir: process.env.BIRGE_NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx (admin and moderation pages).
    authInterrupts: true,
    // server.ts refuses a body over its route's limit first (lib/http/body-limits.ts); Next's
    // own limit is the largest of those, so that it is never the one to refuse (it answers 500).
    serverActions: { bodySizeLimit: uploadRequestMaxBytes() },
  },
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
