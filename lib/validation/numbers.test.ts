import { describe, expect, it } from "vitest";
import { serialNumberOf } from "./numbers";

// A visitor edits the address to /activities/2147483648: the page must say "not found", not
// fail its query on Postgres's integer range with a 500.
describe("a number from the address fits the database's integer column", () => {
  it("takes 1 to 2,147,483,647", () => {
    expect(serialNumberOf("1")).toBe(1);
    expect(serialNumberOf("2147483647")).toBe(2147483647);
  });

  it.each(["2147483648", "9999999999", "0", "-1", "01", "1e3", "", " 1", "1.0"])("refuses %j", (raw) => {
    expect(serialNumberOf(raw)).toBeNull();
  });
});
