// Parser for `/sbin/ifconfig` (macOS): interface lines at column 0, details indented (tabs),
// older output keeps trailing spaces. Parsed by tokens, never by column.

export interface Ipv4Address {
  address: string;
  /** Point-to-point far end (`inet A --> B`). */
  peer?: string;
  /** As printed, e.g. `0xffffffff`. */
  netmask?: string;
}

export interface Ipv6Address {
  /** Without the `%utun0` zone suffix (the zone is the interface itself). */
  address: string;
  prefixlen?: number;
  scopeid?: string;
  /** Marked `clat46`: the address macOS 13+ translates this Mac's IPv4 through (464XLAT). */
  clat46?: boolean;
}

export interface NetInterface {
  name: string;
  flags: string[];
  mtu?: number;
  ipv4: Ipv4Address[];
  ipv6: Ipv6Address[];
  ether?: string;
  /** `active` / `inactive` when printed. */
  status?: string;
  /** `nat64 prefix 64:ff9b:: prefixlen 96` lines (macOS 13+ on a network that announces one): "64:ff9b::/96". */
  nat64?: string[];
}

const HEADER = /^([A-Za-z][A-Za-z0-9_.-]{0,31}):\s+flags=[0-9a-fA-F]+<([^>]*)>(?:\s+mtu\s+(\d{1,6}))?/;
// Tunnel drivers: utun (NetworkExtension/WireGuard/Tailscale), ppp (L2TP/PPTP), ipsec, tun/tap (tuntaposx).
const TUNNEL_NAME = /^(?:utun|ppp|ipsec|tun|tap)\d+$/;

export function parseIfconfig(text: string): NetInterface[] {
  try {
    if (typeof text !== "string") return [];
    const list: NetInterface[] = [];
    let current: NetInterface | undefined;
    for (const rawLine of text.split(/\r?\n/)) {
      if (rawLine.trim() === "") continue;
      if (!/^\s/.test(rawLine)) {
        // Column 0: a new interface, or something we do not know (which ends the current one).
        current = undefined;
        const m = HEADER.exec(rawLine);
        if (m) {
          current = { name: m[1], flags: m[2].split(",").filter((f) => f !== ""), ipv4: [], ipv6: [] };
          if (m[3] !== undefined) current.mtu = Number(m[3]);
          list.push(current);
        }
        continue;
      }
      if (current) applyDetail(current, rawLine.trim().split(/\s+/));
    }
    return list;
  } catch {
    return [];
  }
}

function applyDetail(iface: NetInterface, tokens: string[]): void {
  const [kind, first] = tokens;
  if (first === undefined) return;
  switch (kind) {
    case "inet": {
      const entry: Ipv4Address = { address: first };
      const peer = valueAfter(tokens, "-->");
      const netmask = valueAfter(tokens, "netmask");
      if (peer) entry.peer = peer;
      if (netmask) entry.netmask = netmask;
      iface.ipv4.push(entry);
      break;
    }
    case "inet6": {
      const entry: Ipv6Address = { address: first.replace(/%.*$/, "") };
      const prefixlen = valueAfter(tokens, "prefixlen");
      const scopeid = valueAfter(tokens, "scopeid");
      if (prefixlen && /^\d{1,3}$/.test(prefixlen)) entry.prefixlen = Number(prefixlen);
      if (scopeid) entry.scopeid = scopeid;
      if (tokens.includes("clat46")) entry.clat46 = true;
      iface.ipv6.push(entry);
      break;
    }
    case "nat64": {
      const prefix = valueAfter(tokens, "prefix");
      const len = valueAfter(tokens, "prefixlen");
      if (first === "prefix" && prefix && len && /^\d{1,3}$/.test(len) && /^[0-9a-f:.]+$/i.test(prefix)) {
        (iface.nat64 ??= []).push(`${prefix}/${len}`);
      }
      break;
    }
    case "ether":
      iface.ether = first;
      break;
    case "status:":
      iface.status = first;
      break;
  }
}

function valueAfter(tokens: string[], label: string): string | undefined {
  const i = tokens.indexOf(label);
  return i >= 0 ? tokens[i + 1] : undefined;
}

/**
 * VPN tunnels: tunnel-driver interfaces that carry IPv4 or a non-link-local IPv6 address.
 * Every Mac has several utunN with only `fe80::` (iCloud Private Relay, Continuity…): not a VPN.
 */
export function tunnelInterfaces(list: NetInterface[]): NetInterface[] {
  try {
    if (!Array.isArray(list)) return [];
    return list.filter(
      (i) =>
        TUNNEL_NAME.test(i.name) &&
        (i.ipv4.length > 0 || i.ipv6.some((a) => !isLinkLocal6(a.address) && a.address !== "::1")),
    );
  } catch {
    return [];
  }
}

// fe80::/10 spans fe80: to febf:.
function isLinkLocal6(address: string): boolean {
  return /^fe[89ab][0-9a-f]:/i.test(address);
}

export interface ClatState {
  /** The interface whose IPv6 carries translated IPv4 (en0). */
  interface: string;
  /** Its IPv4 address from the RFC 7335 range (192.0.0.2). */
  ipv4?: string;
  /** The NAT64 prefixes that interface announces. */
  prefixes: string[];
  /** A `clat46` address is there: IPv4 is translated on this Mac (a prefix alone is only announced). */
  active: boolean;
}

/**
 * CLAT (464XLAT) as macOS 13+ shows it: no `clat46` interface, but an `inet6 … clat46` address and a
 * `nat64 prefix` line on the Wi-Fi or Ethernet interface, with an IPv4 address from 192.0.0.0/29.
 */
export function clatState(list: NetInterface[]): ClatState | undefined {
  try {
    if (!Array.isArray(list)) return undefined;
    const iface = list.find((i) => i.ipv6.some((a) => a.clat46) || (i.nat64?.length ?? 0) > 0);
    if (!iface) return undefined;
    const ipv4 = iface.ipv4.find((a) => /^192\.0\.0\.[0-7]$/.test(a.address))?.address;
    const active = iface.ipv6.some((a) => a.clat46);
    return { interface: iface.name, ...(ipv4 ? { ipv4 } : {}), prefixes: iface.nat64 ?? [], active };
  } catch {
    return undefined;
  }
}
