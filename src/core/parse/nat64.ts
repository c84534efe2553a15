// NAT64 facts from DNS answers (RFC 7050): `ipv4only.arpa` has only A records (192.0.0.170 and
// 192.0.0.171), so an AAAA answer for it was synthesized by DNS64, and the 96 bits before the
// embedded well-known address are the network's NAT64 prefix (64:ff9b::/96, RFC 6052, or its own
// /96). Pure functions on address text; never throw.

import { isIPv4, isIPv6 } from "node:net";

/** The name RFC 7050 reserves for discovering the prefix. */
export const IPV4ONLY_ARPA = "ipv4only.arpa";
const WELL_KNOWN = ["192.0.0.170", "192.0.0.171"];

/** An IPv6 address as eight 16-bit groups, or undefined when it isn't one. */
function groups(address: string): number[] | undefined {
  const bare = address.replace(/%.*$/, "");
  if (!isIPv6(bare)) return undefined;
  let text = bare.toLowerCase();
  // An embedded dotted quad (64:ff9b::192.0.0.170) as two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad[1].split(".").map(Number);
    text = text.slice(0, quad.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  // isIPv6 has vouched for the text: eight groups of one to four hex digits once expanded.
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}

function format(g: number[]): string {
  // Compress the longest run of zero groups, as RFC 5952 writes addresses.
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/** `64:ff9b::/96` for each AAAA answer of ipv4only.arpa that embeds a well-known address in its last 32 bits. */
export function nat64Prefixes(addresses: unknown): string[] {
  try {
    if (!Array.isArray(addresses)) return [];
    const found = new Set<string>();
    for (const a of addresses) {
      if (typeof a !== "string") continue;
      const g = groups(a);
      if (!g) continue;
      const v4 = `${g[6] >> 8}.${g[6] & 0xff}.${g[7] >> 8}.${g[7] & 0xff}`;
      if (!WELL_KNOWN.includes(v4)) continue;
      found.add(`${format([...g.slice(0, 6), 0, 0])}/96`);
    }
    return [...found];
  } catch {
    return [];
  }
}

/** The IPv6 address a /96 NAT64 prefix gives an IPv4 address (`64:ff9b::/96` + 1.1.1.1 = 64:ff9b::101:101). */
export function synthesize(prefix: string, ipv4: string): string | undefined {
  try {
    const m = /^(.+)\/96$/.exec(prefix);
    const g = m ? groups(m[1]) : undefined;
    if (!g || !isIPv4(ipv4)) return undefined;
    const [a, b, c, d] = ipv4.split(".").map(Number);
    return format([...g.slice(0, 6), (a << 8) | b, (c << 8) | d]);
  } catch {
    return undefined;
  }
}

/** Whether an address lies in a /96 prefix (a synthesized address: the host itself has no IPv6). */
export function inPrefix(address: string, prefix: string): boolean {
  const m = /^(.+)\/96$/.exec(prefix);
  const g = groups(address);
  const p = m ? groups(m[1]) : undefined;
  return !!g && !!p && g.slice(0, 6).every((x, i) => x === p[i]);
}
