import { describe, expect, it } from "vitest";
import { DomainError, loggable } from "./errors";

describe("what an operator reads in the log of an unexpected error", () => {
  it("gives the database's reason and code for a failed query, never the statement's parameters", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "signatures_one_per_email_idx"'), { code: "23505" });
    const error = new Error("Failed query: insert into signatures (email) values ($1)\nparams: aigerim.sadykova@example.kz", { cause });
    const line = loggable(error);
    expect(line).toContain("a query failed: duplicate key value");
    expect(line).toContain("(23505)");
    expect(line).not.toContain("aigerim.sadykova@example.kz");
    expect(line).not.toContain("insert into");
    expect(line.split("\n").slice(1).every((frame) => frame.trimStart().startsWith("at "))).toBe(true);
  });

  it("keeps any other error's message, and copes with things thrown that are not errors", () => {
    expect(loggable(new DomainError("not_found")).split("\n")[0]).toBe("DomainError: not_found");
    expect(loggable("a string")).toBe("a string");
  });
});
