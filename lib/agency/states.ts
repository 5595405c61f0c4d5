// The agency dashboard's work on one item (DOMAIN.md "The agency dashboard"), pure: no database here.
//
// An item is something the agency must (or may) act on: a petition past its response threshold,
// a final document under consideration, a pending information request, or a hearing on a final
// document that can still be scheduled. The item itself lives in its own table; the dashboard
// keeps only its own side of the work (assignee, status, draft, notes) keyed by (kind, id).

export const AGENCY_ITEM_KINDS = ["petition", "final_document", "information_request", "hearing"] as const;
export type AgencyItemKind = (typeof AGENCY_ITEM_KINDS)[number];

/** Kinds whose answer is written as a draft and published (a hearing is scheduled instead). */
export const ANSWERED_KINDS: readonly AgencyItemKind[] = ["petition", "final_document", "information_request"];

/** Kinds that run on a statutory clock: alerted before, on and after the due day, and badged when overdue. */
export const CLOCKED_KINDS: readonly AgencyItemKind[] = ["petition", "final_document", "information_request"];

export function isAgencyItemKind(value: unknown): value is AgencyItemKind {
  return typeof value === "string" && (AGENCY_ITEM_KINDS as readonly string[]).includes(value);
}

export const AGENCY_ITEM_STATUSES = ["new", "in_progress", "awaiting_approval", "approved", "published"] as const;
export type AgencyItemStatus = (typeof AGENCY_ITEM_STATUSES)[number];

/** Statuses of work still to do (everything but published). */
export const OPEN_STATUSES: readonly AgencyItemStatus[] = ["new", "in_progress", "awaiting_approval", "approved"];
/** A draft may be written or changed. */
export const DRAFTABLE: readonly AgencyItemStatus[] = ["new", "in_progress", "awaiting_approval", "approved"];
/** Staff submit an answer for approval that has not been submitted yet. */
export const SUBMITTABLE: readonly AgencyItemStatus[] = ["new", "in_progress"];
/** A supervisor decides on a submitted answer. */
export const APPROVABLE: readonly AgencyItemStatus[] = ["awaiting_approval"];
/** A supervisor sends a submitted or approved answer back to be worked on. */
export const RETURNABLE: readonly AgencyItemStatus[] = ["awaiting_approval", "approved"];

const TRANSITIONS: Record<AgencyItemStatus, readonly AgencyItemStatus[]> = {
  new: ["in_progress", "awaiting_approval", "published"],
  in_progress: ["awaiting_approval", "published"],
  // Back to in progress: returned by a supervisor, or changed by staff after submitting.
  awaiting_approval: ["approved", "in_progress", "published"],
  approved: ["in_progress", "published"],
  published: [],
};

export function canTransition(from: AgencyItemStatus, to: AgencyItemStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: AgencyItemStatus,
    readonly to: AgencyItemStatus,
  ) {
    super(`An agency item cannot go from ${from} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}

/** Throws unless the dashboard's workflow allows from → to. */
export function assertTransition(from: AgencyItemStatus, to: AgencyItemStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

/** Who may publish an answer, under the agency's approval setting. */
export function mayPublish(options: { requiresApproval: boolean; role: "staff" | "supervisor"; status: AgencyItemStatus }): boolean {
  if (options.status === "published") return false;
  if (!options.requiresApproval) return true;
  // A supervisor's own publication is their approval; staff publish only what a supervisor approved.
  return options.role === "supervisor" || options.status === "approved";
}

/** The event entity id of an item in the dashboard's history ("agency_item" events). */
export function itemEntityId(kind: AgencyItemKind, itemId: string): string {
  return `${kind}:${itemId}`;
}

export const AGENCY_ALERT_KINDS = ["before", "due", "overdue"] as const;
/** Escalation alerts: some working days before the due day, on it, and once it has passed. */
export type AgencyAlertKind = (typeof AGENCY_ALERT_KINDS)[number];

export const TEMPLATE_KINDS = ["petition", "final_document", "information_request"] as const;
/** What a response template is for. */
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
