import NextAuth, { type NextAuthConfig } from "next-auth";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import { normalizeSignInEmail } from "@/lib/auth/schema";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
  }
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
      normalizeIdentifier: normalizeSignInEmail,
      sendVerificationRequest: ({ identifier, url, request }) => sendSignInLink({ email: identifier, url, request }),
    },
  ],
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
}));
