import type { StoredFile } from "@/db/schema";
import { contentDisposition } from "./file-name";

/**
 * Raster images a browser only draws (no script, no links): shown in the tab. Everything else —
 * SVG and HTML above all, which run script — is downloaded.
 */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/**
 * Headers for serving a stored file. The type is the detected one, never sniffed; the sandbox
 * CSP keeps even a crafted file from running script or reaching anything (server.ts leaves
 * /files/* out of the site's own policy, which Next would otherwise send instead of this one). PDFs download:
 * Chromium's viewer refuses to render inside a sandboxed document, so inline would show nothing.
 */
// The type is any string here, not only the types uploads accept today: what is not a safe raster
// image downloads, whatever a later upload path lets in.
export function fileResponseHeaders(file: Pick<StoredFile, "size" | "originalName" | "sha256"> & { mimeType: string }): Record<string, string> {
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
