import type { PetitionState } from "./states";

/** Why a confirmation link cannot count (a key of the signingFlow.refusals catalog); null when it can. */
export type ConfirmRefusal =
  | "signatureWithdrawn"
  | "signatureInvalidated"
  | "petitionHidden"
  | "petitionAwaitingModeration"
  | "petitionClosed"
  | "petitionNotSignable";

/**
 * The real reason a signature cannot be confirmed, said to the signer instead of "the link is
 * not valid": one rule for the confirm page (before the button is pressed) and confirmMany
 * (after). A confirmed signature is not refused: pressing again is harmless.
 */
export function confirmRefusal(signatureState: string, petitionState: PetitionState): ConfirmRefusal | null {
  if (signatureState === "withdrawn") return "signatureWithdrawn";
  if (signatureState === "invalidated") return "signatureInvalidated";
  if (signatureState === "confirmed") return null;
  switch (petitionState) {
    case "gathering_support":
    case "open":
      return null;
    case "hidden":
      return "petitionHidden";
    case "awaiting_moderation":
      return "petitionAwaitingModeration";
    case "closed":
    case "responded":
      return "petitionClosed";
    default:
      return "petitionNotSignable";
  }
}
