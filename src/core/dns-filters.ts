import { isIP } from "node:net";

// Who a DNS server is, from its address alone: filtering public resolvers
// by their published addresses (AdGuard's "Known DNS Providers" page, the
// providers' own set-up pages), a filter on this Mac, or a box on the local
// network. A guess that says it is one ("likely"), never a verdict.

const KNOWN: [string[] | RegExp, string][] = [
  [
    ["94.140.14.14", "94.140.15.15", "94.140.14.15", "94.140.15.16", "2a10:50c0::ad1:ff", "2a10:50c0::ad2:ff"],
    "AdGuard DNS",
  ],
  [["176.103.130.130", "176.103.130.131", "176.103.130.132", "176.103.130.134"], "AdGuard DNS (its old addresses)"],
  [/^45\.90\.(28|30)\.\d+$/, "NextDNS"],
  [["1.1.1.2", "1.0.0.2", "1.1.1.3", "1.0.0.3"], "Cloudflare for Families"],
  [
    ["9.9.9.9", "149.112.112.112", "9.9.9.11", "149.112.112.11", "2620:fe::fe", "2620:fe::9"],
    "Quad9 (blocks malware domains)",
  ],
  [["208.67.222.123", "208.67.220.123"], "OpenDNS FamilyShield"],
  [["208.67.222.222", "208.67.220.220"], "OpenDNS"],
  [/^185\.228\.16[89]\.\d+$/, "CleanBrowsing"],
  [["77.88.8.88", "77.88.8.2", "77.88.8.7", "77.88.8.3"], "Yandex DNS (a filtering mode)"],
  [["100.100.100.100"], "Tailscale's MagicDNS"],
];

const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|f[cd][0-9a-f]{2}:|fe80:)/i;
const THIS_MAC = /^(127\.|::1$)/;

/** "your router or a Pi-hole at 192.168.1.2", "NextDNS (45.90.28.1)", or undefined for an unknown public server. */
export function describeResolver(address: string): string | undefined {
  const a = String(address ?? "")
    .trim()
    .replace(/%.*$/, "")
    .toLowerCase();
  if (!isIP(a)) return undefined;
  const known = KNOWN.find(([match]) => (Array.isArray(match) ? match.includes(a) : match.test(a)));
  if (known) return `${known[1]} (${a})`;
  if (THIS_MAC.test(a))
    return `a DNS filter running on this Mac (${a}), such as an ad blocker, dnscrypt-proxy or a VPN app`;
  if (PRIVATE.test(a)) return `your router or a Pi-hole at ${a}`;
  return undefined;
}

/** Names blocklists catch by mistake (gateway.icloud.com and setup.icloud.com, in public false-positive reports). */
export const COMMON_FALSE_POSITIVES = ["gateway.icloud.com", "setup.icloud.com"];
