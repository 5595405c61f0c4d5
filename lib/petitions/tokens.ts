import { createHmac, timingSafeEqual } from "node:crypto";

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
