// The public-control activity lifecycle (DOMAIN.md "Public control"), pure: no database here.

export const ACTIVITY_STATES = [
  "draft",
  "announced",
  "in_progress",
  "completed",
  "under_consideration",
  "hearing",
  "answered",
  "closed",
] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const ACTIVITY_FORMS = ["monitoring", "expertise", "discussion", "hearing", "report_hearing"] as const;
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];

export const SUBJECT_TYPES = ["citizen", "organization"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The subject may still edit the plan (title, goals, period, forms, team). */
export const EDITABLE: readonly ActivityState[] = ["draft"];
/** Listed publicly and reachable by anyone: everything except drafts. */
export const PUBLIC: readonly ActivityState[] = ACTIVITY_STATES.filter((s) => s !== "draft");
/** The subject may record the work of the forms (observations, comments, conclusions...). */
export const WORKING: readonly ActivityState[] = ["announced", "in_progress"];
/** The subject may send information requests to the object. */
export const REQUESTABLE: readonly ActivityState[] = ["announced", "in_progress", "completed"];
/** The final document and its recommendations may be edited (while unsent). */
export const FINAL_DOCUMENT_EDITABLE: readonly ActivityState[] = ["in_progress", "completed"];
/** The object answers the recommendations. */
export const ANSWERABLE: readonly ActivityState[] = ["under_consideration", "hearing"];
/** The subject marks implementation of accepted recommendations. */
export const FOLLOW_UP: readonly ActivityState[] = ["answered"];

const TRANSITIONS: Record<ActivityState, readonly ActivityState[]> = {
  draft: ["announced"],
  announced: ["in_progress"],
  in_progress: ["completed"],
  completed: ["under_consideration"],
  under_consideration: ["hearing", "answered"],
  hearing: ["answered"],
  answered: ["closed"],
  closed: [],
};

export function canTransition(from: ActivityState, to: ActivityState): boolean {
  return TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: ActivityState,
    readonly to: ActivityState,
  ) {
    super(`An activity cannot go from ${from} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}

/** Throws unless the lifecycle allows from → to. */
export function assertTransition(from: ActivityState, to: ActivityState): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

export function isPublicState(state: ActivityState): boolean {
  return PUBLIC.includes(state);
}

export const INFORMATION_REQUEST_STATES = ["pending", "answered", "refused"] as const;
export type InformationRequestState = (typeof INFORMATION_REQUEST_STATES)[number];

export const RECOMMENDATION_DECISIONS = ["accepted", "partially_accepted", "rejected"] as const;
export type RecommendationDecision = (typeof RECOMMENDATION_DECISIONS)[number];

/** Decisions that commit the object to measures the subject later follows up. */
export const FOLLOWED_UP_DECISIONS: readonly RecommendationDecision[] = ["accepted", "partially_accepted"];

export const IMPLEMENTATION_STATES = ["implemented", "not_implemented"] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];
