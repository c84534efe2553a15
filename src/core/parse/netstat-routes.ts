// Parser for `/usr/sbin/netstat -rn` (macOS): an `Internet:` (IPv4) and an `Internet6:` section,
// each a header line then rows of Destination, Gateway, Flags, Netif (older macOS adds Refs and
// Use), Expire. Split on whitespace runs, never by column; never throws.

export type Family = 4 | 6;

export interface DefaultRoute {
  family: Family;
  gateway: string;
  netif: string;
  flags: string;
  /**
   * A route that really leads off this Mac: not interface-scoped (flag `I`, what every Mac has on
   * its `utunN` system tunnels and Internet Sharing bridges), and through an address, not `link#N`.
   */
  primary: boolean;
}

export interface RouteTable {
  /** Which sections the output had (`netstat -f inet -rn` prints only one). */
  sections: Family[];
  defaults: DefaultRoute[];
}

const INTERFACE = /^[a-z][a-z0-9]*\d+$/;

/** The routing table, or undefined when the text isn't netstat's (no `Internet:` section at all). */
export function parseNetstatRoutes(text: unknown): RouteTable | undefined {
  try {
    if (typeof text !== "string") return undefined;
    const sections: Family[] = [];
    const defaults: DefaultRoute[] = [];
    let family: Family | undefined;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "Internet:" || line === "Internet6:") {
        family = line === "Internet:" ? 4 : 6;
        if (!sections.includes(family)) sections.push(family);
        continue;
      }
      if (!family) continue;
      const tokens = line.split(/\s+/);
      if (tokens[0] !== "default") continue;
      const [, gateway, flags] = tokens;
      const netif = tokens.slice(3).find((t) => INTERFACE.test(t));
      if (!netif || !/^[A-Za-z]+$/.test(flags)) continue;
      defaults.push({ family, gateway, netif, flags, primary: isPrimary(family, gateway, flags) });
    }
    return sections.length ? { sections, defaults } : undefined;
  } catch {
    return undefined;
  }
}

function isPrimary(family: Family, gateway: string, flags: string): boolean {
  if (flags.includes("I") || !flags.includes("G") || gateway.startsWith("link#")) return false;
  // An IPv6 gateway is link-local (fe80::1%en0) on every network; a bare `fe80::%utun0` is a tunnel's own end.
  return family === 4
    ? /^\d{1,3}(\.\d{1,3}){3}$/.test(gateway)
    : /^[0-9a-f:]+(%\S+)?$/i.test(gateway) && !/^fe80::%/i.test(gateway);
}

/** The primary default route of one family, if this Mac has one. */
export function primaryDefault(table: RouteTable | undefined, family: Family): DefaultRoute | undefined {
  return table?.defaults.find((d) => d.family === family && d.primary);
}
