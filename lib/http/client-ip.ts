import { BlockList, isIP } from "node:net";

/**
 * Which proxies in front of Birge are trusted to say who the client is (README "Configuration"):
 * none (X-Forwarded-For is ignored: anyone can send it), a number of hops, or the proxies'
 * address ranges.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; ranges: BlockList; text: string };

/**
 * Reads BIRGE_TRUSTED_PROXIES: a whole number of proxy hops ("1" for one nginx in front), or a
 * comma-separated list of addresses and CIDR ranges ("10.0.0.0/8, 192.168.1.7"). BIRGE_TRUST_PROXY=1,
 * the older switch, means one hop. A value that is neither stops the start with its name: a typo
 * must not quietly let clients choose their address.
 */
export function parseTrustedProxies(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const asked = env.BIRGE_TRUSTED_PROXIES?.trim();
  if (!asked) return env.BIRGE_TRUST_PROXY === "1" ? { kind: "hops", hops: 1 } : { kind: "none" };
  if (/^\d+$/.test(asked)) {
    const hops = Number(asked);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const ranges = new BlockList();
  for (const entry of asked.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || extra !== undefined || !/^\d+$/.test(String(bits)) || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`BIRGE_TRUSTED_PROXIES must be a number of hops or a list of addresses/CIDR ranges, not "${asked}" ("${entry}")`);
    }
    ranges.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "ranges", ranges, text: asked };
}

/** One address of a forwarding chain as a bare IP: no port, no brackets, IPv4-mapped IPv6 as IPv4. */
function bareAddress(value: string): string {
  let address = value.trim();
  const bracketed = address.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  return mapped ? mapped[1] : address;
}

function isTrustedBy(ranges: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && ranges.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address as `trusted` proxies report it. The chain is read from the right — the
 * socket's peer, then X-Forwarded-For from its last entry back — because each proxy appends the
 * address it saw, while everything left of the first trusted proxy's entry is whatever the
 * client sent. With a hop count, the address that many hops from the socket; with ranges, the
 * first address (from the right) outside them. X-Real-IP is never read.
 */
export function clientIpFrom(trusted: TrustedProxies, forwardedFor: string | null | undefined, socketAddress: string): string {
  if (trusted.kind === "none" || !forwardedFor) return socketAddress;
  const chain = [socketAddress, ...forwardedFor.split(",").reverse()].map(bareAddress);
  if (trusted.kind === "hops") {
    const chosen = chain[Math.min(trusted.hops, chain.length - 1)];
    return isIP(chosen) ? chosen : socketAddress;
  }
  // The socket's peer must itself be a trusted proxy, or the header is the client's own.
  for (let hop = 0; hop < chain.length; hop++) {
    const address = chain[hop];
    if (!isIP(address)) return chain[hop - 1] ?? socketAddress;
    if (!isTrustedBy(trusted.ranges, address)) return address;
  }
  return chain[chain.length - 1];
}

/** Read once: the setting does not change while the process runs, and the hot path asks on every request. */
let trustedProxies: TrustedProxies | undefined;
export function configuredTrustedProxies(): TrustedProxies {
  return (trustedProxies ??= parseTrustedProxies());
}

/**
 * The client's address for rate limits and the moderators' fraud view. The socket's address
 * comes from the caller or from x-birge-remote-addr, which server.ts sets on every request
 * (overwriting any sent value).
 */
export function clientIp(headers: Headers, socketAddress?: string | null): string {
  const socket = socketAddress || headers.get("x-birge-remote-addr") || "unknown";
  return clientIpFrom(configuredTrustedProxies(), headers.get("x-forwarded-for"), socket);
}
