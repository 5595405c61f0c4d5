/**
 * The one check for every "where to go next" value a request carries (returnTo, callbackUrl):
 * a path on this site, or "/". Browsers drop tabs and newlines from URLs and read "\" as "/",
 * so "/\t/evil.example" or "/\\evil" would become "//evil.example" — another site. Refused too:
 * percent-encoded forms of those (a later decode must not make them dangerous) and absolute
 * URLs, even our own (callers that hold one turn it into its path first, see `pathOfOwnUrl`).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2_000) return "/";
  let decoded = value;
  try {
    // Twice: a value encoded twice ("%252F") is decoded by some reader down the line once more.
    decoded = decodeURIComponent(decodeURIComponent(value));
  } catch {
    return "/";
  }
  return isPlainPath(value) && isPlainPath(decoded) ? value : "/";
}

function isPlainPath(path: string): boolean {
  // No control characters (tab, CR, LF, NUL…) or backslashes anywhere; one leading slash only.
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return false;
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  try {
    const base = "http://birge.invalid";
    return new URL(path, base).origin === base;
  } catch {
    return false;
  }
}

/** An absolute URL on `origin` as its path (then checked), anything else through `safeReturnPath`. */
export function pathOfOwnUrl(value: unknown, origin: string): string {
  if (typeof value === "string" && /^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return url.origin === new URL(origin).origin ? safeReturnPath(url.pathname + url.search + url.hash) : "/";
    } catch {
      return "/";
    }
  }
  return safeReturnPath(value);
}
