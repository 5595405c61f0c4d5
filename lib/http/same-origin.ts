/**
 * Refuses a cross-site POST: when the browser says where the request comes from (Origin),
 * it must be this host. Requests without Origin (curl, server-to-server) carry no cookies
 * of a victim's session in practice and pass.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return !origin;
  try {
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
