/**
 * The client's address. Behind a proxy (BIRGE_TRUST_PROXY=1) it is the first address of
 * X-Forwarded-For; otherwise the header is ignored, as anyone can send it, and the socket's
 * address is used (server.ts puts it in x-birge-remote-addr, overwriting any sent value).
 */
export function clientIp(headers: Headers, socketAddress?: string | null): string {
  if (trustProxy()) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
    const real = headers.get("x-real-ip")?.trim();
    if (real) return real;
  }
  return socketAddress || headers.get("x-birge-remote-addr") || "unknown";
}

/** Read once: the setting does not change while the process runs, and the hot path asks on every request. */
let trusted: boolean | undefined;
function trustProxy(): boolean {
  return (trusted ??= process.env.BIRGE_TRUST_PROXY === "1");
}
