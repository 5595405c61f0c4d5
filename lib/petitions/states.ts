// The petition lifecycle (DOMAIN.md "Petitions"), pure: no database here.

export const PETITION_STATES = [
  "draft",
  "gathering_support",
  "awaiting_moderation",
  "open",
  "closed",
  "responded",
  "rejected",
  "hidden",
  "expired",
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

/** The creator may still edit the text. */
export const EDITABLE: readonly PetitionState[] = ["draft"];
/** Signatures are taken: supporters through the private link, then the public. */
export const SIGNABLE: readonly PetitionState[] = ["gathering_support", "open"];
/** A signer may withdraw while signatures are still being collected. */
export const WITHDRAWABLE: readonly PetitionState[] = ["gathering_support", "open"];
/**
 * Not public yet, yet shown — never listed — to whoever holds the private link, to the creator
 * and to the supporters: gathering support, then while moderators check it.
 */
export const PRIVATELY_SHOWN: readonly PetitionState[] = ["gathering_support", "awaiting_moderation"];
/** Listed publicly and reachable by anyone. */
export const PUBLIC: readonly PetitionState[] = ["open", "closed", "responded", "rejected"];

/** What a list shows when no state is chosen: rejected petitions stay public, reached through the state filter. */
export const LISTED_BY_DEFAULT: readonly PetitionState[] = ["open", "closed", "responded"];
/** A moderator may decide. */
export const MODERATABLE: readonly PetitionState[] = ["awaiting_moderation"];
/** A moderator may hide unlawful content from these. */
export const HIDEABLE: readonly PetitionState[] = ["gathering_support", "awaiting_moderation", "open", "closed", "rejected"];
/** The addressee may publish its answer (once the threshold started its clock). */
export const ANSWERABLE: readonly PetitionState[] = ["open", "closed"];

const TRANSITIONS: Record<PetitionState, readonly PetitionState[]> = {
  draft: ["gathering_support"],
  gathering_support: ["awaiting_moderation", "expired", "hidden"],
  awaiting_moderation: ["open", "rejected", "hidden"],
  open: ["closed", "responded", "hidden"],
  closed: ["responded", "hidden"],
  responded: [],
  rejected: ["hidden"],
  hidden: [],
  expired: [],
};

export function canTransition(from: PetitionState, to: PetitionState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: PetitionState,
    readonly to: PetitionState,
  ) {
    super(`A petition cannot go from ${from} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}

/** Throws unless the lifecycle allows from → to. */
export function assertTransition(from: PetitionState, to: PetitionState): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

/** Fixed public list of reasons a moderator may reject for. */
export const REJECTION_REASONS = [
  "duplicate",
  "outside_powers",
  "banned_topic",
  "offensive",
  "unclear",
  "personal_data",
  "not_a_request",
  "already_decided",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const RESPONSE_DECISIONS = ["supported", "partially_supported", "not_supported"] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];
