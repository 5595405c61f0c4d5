import { getDb } from "@/db/client";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { normalizeSignInEmail } from "./schema";

/** Per address: 5 links an hour; per IP: 30 an hour. */
export const SIGN_IN_LIMITS = { perEmailPerHour: 5, perIpPerHour: 30 } as const;

/** Counts a sign-in request and says whether it may go ahead. */
export async function checkSignInRateLimit(input: { email: string; ip: string }, now = new Date()): Promise<boolean> {
  const db = getDb();
  const byEmail = await hitRateLimit(
    db,
    { key: `sign-in:email:${normalizeSignInEmail(input.email)}`, limit: SIGN_IN_LIMITS.perEmailPerHour, windowSeconds: 3600 },
    now,
  );
  const byIp = await hitRateLimit(db, { key: `sign-in:ip:${input.ip}`, limit: SIGN_IN_LIMITS.perIpPerHour, windowSeconds: 3600 }, now);
  return byEmail && byIp;
}
