import NextAuth, { type NextAuthConfig } from "next-auth";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import { parseSignInEmail } from "@/lib/auth/schema";
import { pathOfOwnUrl } from "@/lib/http/safe-return-path";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
  }
}

/**
 * Auth.js normalizes every address it is given through this: anything but one valid address
 * stops the sign-in here too, behind the route's own check (app/api/auth/[...nextauth]/route.ts).
 */
function oneSignInAddress(value: string): string {
  const email = parseSignInEmail(value);
  if (!email) throw new TypeError("Not one valid e-mail address");
  return email;
}

// Built lazily so that importing this file (e.g. during `next build`) opens no database.
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  providers: [
    {
      id: "email",
      type: "email",
      name: "E-mail",
      maxAge: 60 * 60,
      options: {},
      normalizeIdentifier: oneSignInAddress,
      sendVerificationRequest: ({ identifier, url, request }) => sendSignInLink({ email: oneSignInAddress(identifier), url, request }),
    },
  ],
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
  callbacks: {
    // Only what the pages use: the session row Auth.js passes in also holds the session token,
    // which /api/auth/session would otherwise hand to any script on the page.
    session({ session, user }) {
      return { user: { id: user.id, name: user.name ?? null, email: user.email }, expires: session.expires } as typeof session;
    },
    // Every redirect Auth.js makes (after the e-mail link, after signing out) goes to a path on this site.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${pathOfOwnUrl(url, baseUrl)}`;
    },
  },
}));
