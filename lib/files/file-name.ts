// Original file names come from the uploader's computer: keep them only as a label, cleaned
// of paths, control characters and header-breaking punctuation.

import { extensionFor, type AcceptedMimeType } from "./detect-file-type";

const MAX_NAME_LENGTH = 120;

/**
 * A safe display name: the last path segment, letters, digits and a few punctuation marks
 * kept, everything else replaced by "_", at most 120 characters, never starting with a dot,
 * and with an extension that matches the detected type.
 */
export function sanitizeFileName(name: string, mimeType: AcceptedMimeType): string {
  const lastSegment = name.split(/[\\/]/).pop() ?? "";
  let cleaned = lastSegment
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .replace(/\s+/g, " ")
    .replace(/_+/g, "_")
    .trim()
    .replace(/^[.\s_-]+/, "");
  const extension = extensionFor(mimeType);
  const dot = cleaned.lastIndexOf(".");
  const stem = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  const currentExtension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  const fits = currentExtension === extension || (extension === "jpg" && currentExtension === "jpeg");
  cleaned = `${(stem || "file").slice(0, MAX_NAME_LENGTH - extension.length - 1)}.${fits ? currentExtension : extension}`;
  return cleaned;
}

/**
 * A Content-Disposition value: an ASCII fallback name for old clients and the full name in
 * RFC 5987 encoding, so no header injection is possible whatever the name holds.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
