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
      iface.ipv6.push(entry);
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
