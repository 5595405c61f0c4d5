import { getDb } from "@/db/client";
import { wholeNumberSetting } from "@/lib/config";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { normalizeSignInEmail } from "./schema";

/**
 * Per address: 5 links an hour; per IP: 30 an hour, or BIRGE_SIGN_IN_PER_IP_HOUR — an office
 * behind one address (a ministry, a university) needs more, and so does the end-to-end suite,
 * whose every person signs in from 127.0.0.1.
 */
export const SIGN_IN_LIMITS = {
  perEmailPerHour: 5,
  perIpPerHour: wholeNumberSetting("BIRGE_SIGN_IN_PER_IP_HOUR", 30, 1),
} as const;

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
