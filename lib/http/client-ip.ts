import { BlockList, isIP } from "node:net";

/**
 * The TCP peer's address, set by the portal's own HTTP server (scripts/web-server.ts) from the socket after
 * dropping any copy a client sent. Next fills `X-Forwarded-For` with the socket address only when a client
 * sent none, so without this header the real peer is lost whenever a client forges one.
 */
export const PEER_ADDRESS_HEADER = "x-motcua-peer-address";

/**
 * Who may append to `X-Forwarded-For`: the last `hops` proxies in front of the portal, or proxies in these networks.
 */
export type TrustedProxies = { hops: number } | { networks: BlockList };

/**
 * `TRUSTED_PROXIES`: a hop count (`1` behind one nginx; `0`, the default, when clients connect directly) or a
 * comma-separated list of addresses and CIDRs (`127.0.0.1, 10.0.0.0/8, ::1`).
 */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const value = (raw ?? "").trim();
  if (!value) return { hops: 0 };
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const networks = new BlockList();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (!family || (bits !== undefined && !/^\d+$/.test(bits)))
      throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) networks.addAddress(address, type);
    else networks.addSubnet(address, Number(bits), type);
  }
  return { networks };
}

let cached: { raw: string | undefined; trust: TrustedProxies } | null = null;
function configuredTrust(): TrustedProxies {
  const raw = process.env.TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustedProxies(raw) };
  return cached.trust;
}

function plainAddress(a: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return v4 ? v4[1] : a;
}

function isTrusted(address: string, networks: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && networks.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client in a chain of addresses (`X-Forwarded-For` entries, then the TCP peer): the right-most one not
 * added by a trusted proxy. Everything left of it is whatever the client chose to send.
 */
export function clientFromChain(chain: string[], trust: TrustedProxies): string | undefined {
  const hops = chain.map(plainAddress);
  if (!hops.length) return undefined;
  if ("hops" in trust) return hops[Math.max(0, hops.length - 1 - trust.hops)];
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(hops[i], trust.networks)) return hops[i];
  return hops[0];
}

/** The caller's address for rate limits and logs; "unknown" only when nothing at all tells it. */
export function clientIpFrom(
  headers: Headers | Record<string, string | string[] | undefined>,
  trust = configuredTrust(),
): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const forwarded = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  // Only the portal's server sets the peer header; under a bare `next dev` the last forwarded entry stands in.
  const peer = get(PEER_ADDRESS_HEADER)?.trim();
  return clientFromChain(peer ? [...forwarded, peer] : forwarded, trust) ?? "unknown";
}
