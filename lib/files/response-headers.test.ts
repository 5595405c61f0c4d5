import { describe, expect, it } from "vitest";
import { fileResponseHeaders } from "./response-headers";

const file = (mimeType: string) => ({ mimeType, size: 10, originalName: "x", sha256: "ab" });

describe("how an uploaded file is served", () => {
  it("shows only safe raster images in the tab and downloads everything else, always sandboxed", () => {
    for (const type of ["image/png", "image/jpeg", "image/gif", "image/webp"]) {
      expect(fileResponseHeaders(file(type))["Content-Disposition"]).toMatch(/^inline/);
    }
    for (const type of ["image/svg+xml", "text/html", "application/pdf", "application/octet-stream", "image/x-icon"]) {
      expect(fileResponseHeaders(file(type))["Content-Disposition"]).toMatch(/^attachment/);
    }
    expect(fileResponseHeaders(file("image/png"))["Content-Security-Policy"]).toBe("default-src 'none'; sandbox");
  });
});
