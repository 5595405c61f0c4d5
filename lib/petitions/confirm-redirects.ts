import type { ConfirmResult } from "./hot-path/confirm-many";
import { isBigSerialId } from "@/lib/validation/numbers";

// Where the "Confirm my signature" form lands, for both of its handlers (the hot path's and
// the Next route): one place, so that neither drops what the page after it needs.

/**
 * The petition's page after confirming. A petition that is not public yet is reachable only
 * through its private link, so the link's secret goes with it (without it the supporter
 * landed on "Page not found"); a new supporter is told their place.
 */
export function confirmedLocation(result: ConfirmResult): string {
  const query = new URLSearchParams();
  if (result.supportToken) query.set("support", result.supportToken);
  query.set("signed", result.result);
  if (result.supporterNumber) query.set("supporter", String(result.supporterNumber));
  return `/petitions/${result.petitionNumber}?${query}`;
}

/** Back to the confirm page with the reason, keeping the link's token so the page can still name the petition. */
export function refusedLocation(signatureId: number, token: string, code: string): string {
  const id = isBigSerialId(signatureId) ? signatureId : 0;
  return `/signatures/${id}/confirm?t=${encodeURIComponent(token.slice(0, 200))}&error=${encodeURIComponent(code)}`;
}

/** What a JSON client is told: never the private link's secret. */
export function confirmAnswer(result: ConfirmResult): Pick<ConfirmResult, "petitionNumber" | "result"> {
  return { petitionNumber: result.petitionNumber, result: result.result };
}
