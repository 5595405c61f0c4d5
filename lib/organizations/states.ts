// An organization's verification (DOMAIN.md "Public control": a verified NGO), pure.
import { ORGANIZATION_STATES } from "../../db/schema/organizations";

export { ORGANIZATION_STATES };
export type OrganizationState = (typeof ORGANIZATION_STATES)[number];

/** A moderator decides these. */
export const VERIFIABLE: readonly OrganizationState[] = ["pending"];
/** May announce activities. */
export const MAY_ANNOUNCE: readonly OrganizationState[] = ["verified"];

const TRANSITIONS: Record<OrganizationState, readonly OrganizationState[]> = {
  pending: ["verified", "refused"],
  verified: [],
  refused: [],
};

export function canTransition(from: OrganizationState, to: OrganizationState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: OrganizationState,
    readonly to: OrganizationState,
  ) {
    super(`An organization cannot go from ${from} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}

/** Throws unless verification allows from → to. */
export function assertTransition(from: OrganizationState, to: OrganizationState): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}
