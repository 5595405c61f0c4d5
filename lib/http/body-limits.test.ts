import { describe, expect, it } from "vitest";
import { API_MAX_BYTES, bodyLimitFor, FORM_MAX_BYTES, LONG_TEXT_MAX_BYTES, SIGN_IN_MAX_BYTES, uploadRequestMaxBytes } from "./body-limits";

// An NGO member uploads ten photos of evidence; an attacker posts 40 MB to the sign-in form.
// Each address gets the body its forms need, and no more.
describe("each address accepts the body its forms need", () => {
  it("sign-in takes a few KB; the API a JSON body; other forms their longest texts", () => {
    expect(bodyLimitFor("/api/auth/signin/email")).toBe(SIGN_IN_MAX_BYTES);
    expect(bodyLimitFor("/sign-in")).toBe(SIGN_IN_MAX_BYTES);
    expect(bodyLimitFor("/api/v1/petitions/1/signatures")).toBe(API_MAX_BYTES);
    expect(bodyLimitFor("/profile", "multipart/form-data; boundary=x")).toBe(FORM_MAX_BYTES);
    expect(bodyLimitFor("/")).toBe(FORM_MAX_BYTES);
  });

  it("a page that uploads takes its files as multipart, and only then", () => {
    expect(bodyLimitFor("/activities/3/forms/monitoring", "multipart/form-data; boundary=x")).toBe(uploadRequestMaxBytes());
    expect(bodyLimitFor("/organizations/register", "Multipart/Form-Data; boundary=x")).toBe(uploadRequestMaxBytes());
    expect(bodyLimitFor("/agency/a1/items/petition/7", "multipart/form-data; boundary=x")).toBe(uploadRequestMaxBytes());
    expect(bodyLimitFor("/activities/3", "text/plain;charset=UTF-8")).toBe(LONG_TEXT_MAX_BYTES);
    expect(uploadRequestMaxBytes()).toBeGreaterThanOrEqual(10 * 10 * 1024 * 1024);
  });
});
