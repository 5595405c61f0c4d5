import { describe, expect, it } from "vitest";
import { AGENCY_ITEM_STATUSES, APPROVABLE, assertTransition, canTransition, InvalidTransitionError, mayPublish, RETURNABLE, SUBMITTABLE, type AgencyItemStatus } from "./states";

describe("the dashboard's workflow of an answer", () => {
  it("goes new → in progress → awaiting approval → approved → published, with the ways back DOMAIN.md needs", () => {
    const allowed = new Set([
      "new>in_progress",
      "new>awaiting_approval",
      "new>published",
      "in_progress>awaiting_approval",
      "in_progress>published",
      "awaiting_approval>approved",
      "awaiting_approval>in_progress",
      "awaiting_approval>published",
      "approved>in_progress",
      "approved>published",
    ]);
    for (const from of AGENCY_ITEM_STATUSES) {
      for (const to of AGENCY_ITEM_STATUSES) expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
    }
    expect(() => assertTransition("published", "in_progress")).toThrow(InvalidTransitionError);
  });

  it("submits, approves and returns only from the statuses where each makes sense, each a move the workflow allows", () => {
    expect(SUBMITTABLE).toEqual(["new", "in_progress"]);
    expect(APPROVABLE).toEqual(["awaiting_approval"]);
    expect(RETURNABLE).toEqual(["awaiting_approval", "approved"]);
    for (const from of SUBMITTABLE) expect(canTransition(from, "awaiting_approval")).toBe(true);
    for (const from of APPROVABLE) expect(canTransition(from, "approved")).toBe(true);
    for (const from of RETURNABLE) expect(canTransition(from, "in_progress")).toBe(true);
  });

  it("lets staff publish only an approved answer where approval is required, and anyone on staff elsewhere", () => {
    const statuses: AgencyItemStatus[] = ["new", "in_progress", "awaiting_approval", "approved"];
    for (const status of statuses) {
      expect(mayPublish({ requiresApproval: true, role: "staff", status }), status).toBe(status === "approved");
      expect(mayPublish({ requiresApproval: true, role: "supervisor", status })).toBe(true);
      expect(mayPublish({ requiresApproval: false, role: "staff", status })).toBe(true);
    }
    expect(mayPublish({ requiresApproval: false, role: "supervisor", status: "published" })).toBe(false);
  });
});
