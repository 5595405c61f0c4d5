import { describe, expect, it } from "vitest";
import { clientIpFrom, parseTrustedProxies } from "./client-ip";

// A client behind nginx ($proxy_add_x_forwarded_for appends the address it saw) sends its own
// X-Forwarded-For first, hoping to be counted as someone else.
const NGINX = "10.0.0.2";
const CLIENT = "203.0.113.7";
const SPOOFED = "198.51.100.99";

describe("the client address behind proxies", () => {
  it("gives a spoofer behind one appending proxy their real address, not the one they sent", () => {
    const oneHop = parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "1" });
    expect(clientIpFrom(oneHop, `${SPOOFED}, ${CLIENT}`, NGINX)).toBe(CLIENT);
    expect(clientIpFrom(oneHop, `${SPOOFED},${SPOOFED}, 1.1.1.1, ${CLIENT}`, NGINX)).toBe(CLIENT);
    expect(clientIpFrom(oneHop, CLIENT, NGINX)).toBe(CLIENT);
  });

  it("keeps BIRGE_TRUST_PROXY=1 meaning one hop, counted from the right", () => {
    const legacy = parseTrustedProxies({ BIRGE_TRUST_PROXY: "1" });
    expect(legacy).toEqual({ kind: "hops", hops: 1 });
    expect(clientIpFrom(legacy, `${SPOOFED}, ${CLIENT}`, NGINX)).toBe(CLIENT);
  });

  it("counts two hops for a load balancer in front of nginx", () => {
    const twoHops = parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "2" });
    // client → balancer (appends CLIENT) → nginx (appends the balancer's 10.0.0.1) → Birge
    expect(clientIpFrom(twoHops, `${SPOOFED}, ${CLIENT}, 10.0.0.1`, NGINX)).toBe(CLIENT);
    // A shorter chain than configured: the furthest address there is.
    expect(clientIpFrom(twoHops, CLIENT, NGINX)).toBe(CLIENT);
  });

  it("with proxy ranges, takes the rightmost address outside them", () => {
    const ranges = parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.7, fd00::/8" });
    expect(clientIpFrom(ranges, `${SPOOFED}, ${CLIENT}, 10.0.0.1`, NGINX)).toBe(CLIENT);
    expect(clientIpFrom(ranges, `${SPOOFED}, ${CLIENT}, 192.168.1.7`, "::ffff:10.0.0.2")).toBe(CLIENT);
    expect(clientIpFrom(ranges, `${SPOOFED}, 2001:db8::1`, "fd00::5")).toBe("2001:db8::1");
    // A client talking to Birge directly is not a proxy: whatever it forwards is ignored.
    expect(clientIpFrom(ranges, SPOOFED, CLIENT)).toBe(CLIENT);
  });

  it("ignores X-Forwarded-For entirely when no proxy is trusted", () => {
    const none = parseTrustedProxies({});
    expect(clientIpFrom(none, `${SPOOFED}, ${CLIENT}`, NGINX)).toBe(NGINX);
    expect(parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "0" })).toEqual({ kind: "none" });
  });

  it("does not take a forwarded value that is not an address", () => {
    const oneHop = parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "1" });
    expect(clientIpFrom(oneHop, `${CLIENT}, <script>`, NGINX)).toBe(NGINX);
    expect(clientIpFrom(oneHop, `${SPOOFED}, [2001:db8::2]:443`, NGINX)).toBe("2001:db8::2");
    expect(clientIpFrom(oneHop, `${SPOOFED}, ${CLIENT}:51000`, NGINX)).toBe(CLIENT);
  });

  it("stops the start on a setting that is neither a hop count nor ranges", () => {
    expect(() => parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "yes" })).toThrow(/BIRGE_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/BIRGE_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies({ BIRGE_TRUSTED_PROXIES: "-1" })).toThrow(/BIRGE_TRUSTED_PROXIES/);
  });
});
