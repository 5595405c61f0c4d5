import { describe, expect, it } from "vitest";
import {
  ACTIVITY_STATES,
  ANSWERABLE,
  assertTransition,
  canTransition,
  EDITABLE,
  FOLLOW_UP,
  InvalidTransitionError,
  isPublicState,
  PUBLIC,
  REQUESTABLE,
  type ActivityState,
} from "./states";

describe("the activity lifecycle", () => {
  it("follows DOMAIN.md: draft → announced → in progress → completed → under consideration → (hearing) → answered → closed", () => {
    const path: ActivityState[] = ["draft", "announced", "in_progress", "completed", "under_consideration", "hearing", "answered", "closed"];
    for (let i = 0; i < path.length - 1; i++) expect(canTransition(path[i], path[i + 1]), `${path[i]} → ${path[i + 1]}`).toBe(true);
    expect(canTransition("under_consideration", "answered")).toBe(true);
  });

  it("allows nothing else: no skipping, no going back, nothing after closed", () => {
    const allowed = new Set([
      "draft>announced",
      "announced>in_progress",
      "in_progress>completed",
      "completed>under_consideration",
      "under_consideration>hearing",
      "under_consideration>answered",
      "hearing>answered",
      "answered>closed",
    ]);
    for (const from of ACTIVITY_STATES) {
      for (const to of ACTIVITY_STATES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it("throws a named error for a forbidden transition", () => {
    expect(() => assertTransition("draft", "completed")).toThrow(InvalidTransitionError);
    expect(() => assertTransition("closed", "answered")).toThrow(/closed to answered/);
    expect(() => assertTransition("completed", "under_consideration")).not.toThrow();
  });

  it("keeps only drafts private and editable", () => {
    expect(EDITABLE).toEqual(["draft"]);
    expect(PUBLIC).toEqual(ACTIVITY_STATES.filter((s) => s !== "draft"));
    expect(isPublicState("draft")).toBe(false);
    expect(isPublicState("announced")).toBe(true);
  });

  it("names the states in which each step is possible", () => {
    expect(REQUESTABLE).not.toContain("draft");
    expect(REQUESTABLE).not.toContain("closed");
    expect(ANSWERABLE).toEqual(["under_consideration", "hearing"]);
    expect(FOLLOW_UP).toEqual(["answered"]);
  });
});
