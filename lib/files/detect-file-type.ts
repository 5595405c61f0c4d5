// Which kind of file an upload is, decided by its first bytes (its "magic number"), never by
// its name or the browser's claimed type: a page saved as "photo.jpg" stays a page.

/** The only types Birge accepts and serves; none of them runs script in a browser. */
export const ACCEPTED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number];

/** How many leading bytes detection needs; read at least this many before calling it. */
export const SNIFF_BYTES = 16;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/**
 * The detected type of a file from its leading bytes, or null when it is none of the accepted
 * types (SVG, HTML, executables, empty files...). A PDF must start with "%PDF-" at byte 0:
 * readers tolerate junk before it, but accepting that would let an HTML page pass as a PDF.
 */
export function detectFileType(bytes: Uint8Array): AcceptedMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8) && startsWith(bytes, ascii("VP8"), 12)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

export function isImageType(mimeType: string): boolean {
  return mimeType.startsWith("image/");
}

/** The usual file extension for a detected type, used when the original name has none. */
export function extensionFor(mimeType: AcceptedMimeType): string {
  return { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf" }[mimeType];
}
