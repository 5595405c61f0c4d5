import { MAX_FILES_PER_FORM, maxUploadBytes } from "../files/upload-limits";

// How large a request body may be, by the address it is sent to. server.ts refuses a larger one
// with 413 before any of it reaches the hot path or Next (lib/http/request-guards.ts).
// Relative import: next.config.ts reads this file too, where the "@/" alias does not exist.

const KB = 1024;

/** Sign-in (Auth.js) and the e-mail form: an address, a CSRF token and a return path. */
export const SIGN_IN_MAX_BYTES = 16 * KB;
/** The JSON API (signing, confirming): a name, a few fields and a token. */
export const API_MAX_BYTES = 64 * KB;
/**
 * Any other form or server action: the longest text fields (a petition's text, an agency's
 * answer, a template) are a few thousand characters, up to 4 bytes each, plus the encoding of
 * the action's arguments.
 */
export const FORM_MAX_BYTES = 256 * KB;

/**
 * Forms that upload files or carry long texts (a draft act of 200,000 characters, an
 * activity's sections): every file a form may send at its largest, and 1 MB of fields.
 */
export function uploadRequestMaxBytes(): number {
  return MAX_FILES_PER_FORM * maxUploadBytes() + 1024 * KB;
}

/** The pages whose forms upload: an activity and its forms, an organization's registration, an agency's item. */
const UPLOAD_PAGES = /^\/(activities(\/|$)|organizations(\/|$)|agency\/[^/]+\/items\/)/;

/** Those pages' bodies that cannot hold a file (a server action's arguments as text, say): their long texts. */
export const LONG_TEXT_MAX_BYTES = 1024 * KB;

/**
 * The largest body accepted for a request to `path` (the URL without its query) with the
 * given Content-Type: only a multipart body to a page that uploads may be as large as its files.
 */
export function bodyLimitFor(path: string, contentType = ""): number {
  if (path.startsWith("/api/auth/") || path === "/api/auth" || path.startsWith("/sign-in")) return SIGN_IN_MAX_BYTES;
  if (path.startsWith("/api/")) return API_MAX_BYTES;
  if (UPLOAD_PAGES.test(path)) return contentType.toLowerCase().startsWith("multipart/form-data") ? uploadRequestMaxBytes() : LONG_TEXT_MAX_BYTES;
  return FORM_MAX_BYTES;
}
