import type { StoredFile } from "@/db/schema";
import { contentDisposition } from "./file-name";

/** Types shown in the browser tab; everything else is downloaded. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * Headers for serving a stored file. The type is the detected one, never sniffed; the sandbox
 * CSP keeps even a crafted file from running script or reaching anything. PDFs download:
 * Chromium's viewer refuses to render inside a sandboxed document, so inline would show nothing.
 */
export function fileResponseHeaders(file: Pick<StoredFile, "mimeType" | "size" | "originalName" | "sha256">): Record<string, string> {
  const inline = INLINE_TYPES.has(file.mimeType);
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-cache",
    ETag: `"${file.sha256}"`,
  };
}
