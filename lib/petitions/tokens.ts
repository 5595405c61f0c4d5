import { createHmac, timingSafeEqual } from "node:crypto";
import { siteUrl } from "@/lib/config";

// Links in e-mails carry an HMAC of the signature id and purpose instead of a stored token:
// nothing to look up or leak from the database, and a link for one purpose cannot do another.

export type SignatureLinkPurpose = "confirm" | "withdraw" | "unsubscribe";

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

export function signatureToken(signatureId: number, purpose: SignatureLinkPurpose): string {
  return createHmac("sha256", secret()).update(`signature:${purpose}:${signatureId}`).digest("base64url");
}

export function verifySignatureToken(signatureId: number, purpose: SignatureLinkPurpose, token: string): boolean {
  const expected = Buffer.from(signatureToken(signatureId, purpose));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The confirm and withdraw links of a signature's e-mails. */
export function signatureLinks(signatureId: number) {
  const base = `${siteUrl()}/signatures/${signatureId}`;
  return {
    confirmUrl: `${base}/confirm?t=${signatureToken(signatureId, "confirm")}`,
    withdrawUrl: `${base}/withdraw?t=${signatureToken(signatureId, "withdraw")}`,
  };
}
