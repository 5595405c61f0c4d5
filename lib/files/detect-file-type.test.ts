import { describe, expect, it } from "vitest";
import { detectFileType } from "./detect-file-type";
import { contentDisposition, sanitizeFileName } from "./file-name";
import { fileResponseHeaders } from "./response-headers";

// Tiny fixtures: only the leading bytes matter to detection.
const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));

const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0]);
const png = bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR");
const webp = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ", [0, 0, 0, 0]);
const pdf = bytes("%PDF-1.7\n%\xe2\xe3\n1 0 obj");

describe("detecting a file's type by its content", () => {
  it("recognizes JPEG, PNG, WebP and PDF by their leading bytes", () => {
    expect(detectFileType(jpeg)).toBe("image/jpeg");
    expect(detectFileType(png)).toBe("image/png");
    expect(detectFileType(webp)).toBe("image/webp");
    expect(detectFileType(pdf)).toBe("application/pdf");
  });

  it("refuses SVG, HTML, scripts and other RIFF files whatever they are called", () => {
    expect(detectFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectFileType(bytes("<!DOCTYPE html><html><body>photo</body></html>"))).toBeNull();
    expect(detectFileType(bytes("<?xml version=\"1.0\"?><svg/>"))).toBeNull();
    expect(detectFileType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(detectFileType(bytes("MZ", [0x90, 0]))).toBeNull();
    expect(detectFileType(bytes([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });

  it("refuses a PDF header that does not start the file, and truncated signatures", () => {
    expect(detectFileType(bytes("<html>%PDF-1.4"))).toBeNull();
    expect(detectFileType(bytes(" %PDF-1.4"))).toBeNull();
    expect(detectFileType(bytes([0xff, 0xd8]))).toBeNull();
    expect(detectFileType(bytes([0x89], "PNG"))).toBeNull();
    expect(detectFileType(bytes("RIFF", [0, 0, 0, 0], "WEBP"))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});

describe("cleaning the uploader's file name", () => {
  it("keeps letters in any script, drops paths and forces an extension matching the content", () => {
    expect(sanitizeFileName("Фото двора №3.JPG", "image/jpeg")).toBe("Фото двора _3.jpg");
    expect(sanitizeFileName("C:\\Users\\asel\\акт.pdf", "application/pdf")).toBe("акт.pdf");
    expect(sanitizeFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(sanitizeFileName("page.html", "image/png")).toBe("page.png");
    expect(sanitizeFileName(".hidden", "image/webp")).toBe("hidden.webp");
    expect(sanitizeFileName("", "application/pdf")).toBe("file.pdf");
    expect(sanitizeFileName("a\u0000b\r\nc\".pdf", "application/pdf")).toBe("a_b_c_.pdf");
    expect(sanitizeFileName(`${"x".repeat(300)}.pdf`, "application/pdf").length).toBeLessThanOrEqual(120);
  });

  it("writes Content-Disposition so no name can break out of the header", () => {
    const header = contentDisposition("inline", 'Фото "1";.png');
    expect(header).toBe(`inline; filename="____ _1__.png"; filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE%20%221%22%3B.png`);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it("serves images inline and PDFs as downloads, always with the detected type, nosniff and a sandbox", () => {
    const image = fileResponseHeaders({ mimeType: "image/png", size: 10, originalName: "a.png", sha256: "ab".repeat(32) });
    expect(image["Content-Type"]).toBe("image/png");
    expect(image["Content-Disposition"]).toMatch(/^inline;/);
    expect(image["X-Content-Type-Options"]).toBe("nosniff");
    expect(image["Content-Security-Policy"]).toBe("default-src 'none'; sandbox");
    expect(image["Cache-Control"]).toMatch(/^private/);
    const document = fileResponseHeaders({ mimeType: "application/pdf", size: 10, originalName: "a.pdf", sha256: "ab".repeat(32) });
    expect(document["Content-Disposition"]).toMatch(/^attachment;/);
  });
});
