import type { AgencyRole, OrganizationRole } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { Actor } from "./actor";

// Pure checks on an Actor. Every domain function calls one of the assert* helpers before
// it changes anything; hiding a button in the UI is never the check.

export function isAdmin(actor: Actor | null): boolean {
  return !!actor?.platformRoles.includes("admin");
}

export function isModerator(actor: Actor | null): boolean {
  return !!actor && (actor.platformRoles.includes("moderator") || actor.platformRoles.includes("admin"));
}

export function agencyRoleOf(actor: Actor | null, agencyId: string): AgencyRole | null {
  return actor?.agencies.find((m) => m.agencyId === agencyId)?.role ?? null;
}

export function organizationRoleOf(actor: Actor | null, organizationId: string): OrganizationRole | null {
  return actor?.organizations.find((m) => m.organizationId === organizationId)?.role ?? null;
}

export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError("unauthenticated", "signInRequired");
}

export function assertAdmin(actor: Actor | null): asserts actor is Actor {
  assertSignedIn(actor);
  if (!isAdmin(actor)) throw new DomainError("forbidden", "forbidden");
}

export function assertModerator(actor: Actor | null): asserts actor is Actor {
  assertSignedIn(actor);
  if (!isModerator(actor)) throw new DomainError("forbidden", "forbidden");
}

/**
 * Staff of the agency (or its supervisors when `role` is "supervisor"). Anyone else gets
 * not_found, so the existence of another agency's items is not revealed.
 */
export function assertAgencyRole(actor: Actor | null, agencyId: string, role: AgencyRole = "staff"): asserts actor is Actor {
  assertSignedIn(actor);
  const held = agencyRoleOf(actor, agencyId);
  if (!held || (role === "supervisor" && held !== "supervisor")) throw new DomainError("not_found", "notFound");
}

export function assertOrganizationRole(
  actor: Actor | null,
  organizationId: string,
  role: OrganizationRole = "member",
): asserts actor is Actor {
  assertSignedIn(actor);
  const held = organizationRoleOf(actor, organizationId);
  if (!held || (role === "owner" && held !== "owner")) throw new DomainError("forbidden", "forbidden");
}
