// Parser for `/usr/sbin/scutil --dns` (format: configd dnsinfo/dnsinfo_logging.h).
// Line-based and linear on purpose: no regex that can backtrack on a long junk line.

export interface DnsResolverEntry {
  section: "default" | "scoped" | "service-specific";
  /** The `n` of `resolver #n`; restarts in every section. */
  index: number;
  /** As printed, trailing dot kept (Tailscale prints `tailnet.ts.net.`). */
  domain?: string;
  searchDomains: string[];
  nameservers: string[];
  /** `en0` from `if_index : 10 (en0)`. */
  interface?: string;
  /** e.g. `["Supplemental", "Request A records"]`. */
  flags: string[];
  /** Reachability words only: `Reachable`, `Not Reachable`, `Reachable,Transient Connection`. */
  reach?: string;
  reachable?: boolean;
  /** `mdns`, `pdns`, … */
  options: string[];
  order?: number;
  port?: number;
  timeout?: number;
}

export interface ScutilDns {
  resolvers: DnsResolverEntry[];
  /** First default-section resolver without a domain and not Supplemental: the one ordinary lookups use. */
  defaultResolver?: DnsResolverEntry;
  /** Default-section resolvers for one domain that are not mDNS/private (e.g. VPN split DNS). */
  supplemental: DnsResolverEntry[];
}

type Section = DnsResolverEntry["section"];

// SCNetworkReachability flag words; "Reachable" among them means the reachable bit is set.
const REACH_WORDS = new Set([
  "Reachable",
  "Not Reachable",
  "Transient Connection",
  "Connection Required",
  "Connection Automatic",
  "Connection On Traffic",
  "Connection On Demand",
  "Intervention Required",
  "Local Address",
  "Directly Reachable Address",
  "WWAN",
]);
const REACHABLE_BIT = 0x2;

export function parseScutilDns(text: string): ScutilDns {
  try {
    return parse(typeof text === "string" ? text : "");
  } catch {
    return { resolvers: [], supplemental: [] };
  }
}

function parse(text: string): ScutilDns {
  const resolvers: DnsResolverEntry[] = [];
  // Resolvers before any header still count as default: captures are sometimes cut at the top.
  let section: Section | undefined = "default";
  let current: DnsResolverEntry | undefined;

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "") continue;

    if (line.startsWith("DNS configuration")) {
      section = sectionOf(line);
      current = undefined;
      continue;
    }

    const resolverIndex = resolverHeader(line);
    if (resolverIndex !== undefined) {
      current = undefined;
      if (section) {
        current = newEntry(section, resolverIndex);
        resolvers.push(current);
      }
      continue;
    }

    if (!current) continue;
    applyLine(current, line);
  }

  const defaultSection = resolvers.filter((r) => r.section === "default");
  return {
    resolvers,
    defaultResolver: defaultSection.find((r) => r.domain === undefined && !r.flags.includes("Supplemental")),
    // mdns = Bonjour (.local, reverse .arpa); pdns = Back to My Mac private DNS. Neither is a VPN.
    supplemental: defaultSection.filter(
      (r) => r.domain !== undefined && !r.options.includes("mdns") && !r.options.includes("pdns"),
    ),
  };
}

function sectionOf(header: string): Section | undefined {
  const rest = header.slice("DNS configuration".length).trim();
  if (rest === "") return "default";
  if (/service-specific/i.test(rest)) return "service-specific";
  if (/scoped/i.test(rest)) return "scoped";
  // Unknown future section: ignore its resolvers rather than mislabel them.
  return undefined;
}

function resolverHeader(line: string): number | undefined {
  const m = /^resolver #(\d{1,6})$/.exec(line);
  return m ? Number(m[1]) : undefined;
}

function newEntry(section: Section, index: number): DnsResolverEntry {
  return { section, index, searchDomains: [], nameservers: [], flags: [], options: [] };
}

function applyLine(entry: DnsResolverEntry, line: string): void {
  const colon = line.indexOf(":");
  if (colon < 0) {
    // A label-less line is a bare reachability value (seen in some older outputs).
    setReach(entry, line);
    return;
  }
  // Keys never hold a colon, so the first colon splits even `nameserver[0] : fe80::1%en0` correctly.
  const key = line
    .slice(0, colon)
    .trim()
    .replace(/\[\d+\]$/, "")
    .toLowerCase();
  const value = line.slice(colon + 1).trim();
  if (value === "") return;

  switch (key) {
    case "domain":
      entry.domain = value;
      break;
    case "search domain":
      entry.searchDomains.push(value);
      break;
    case "nameserver":
      entry.nameservers.push(value);
      break;
    case "if_index": {
      const m = /\(([^()\s]+)\)/.exec(value);
      if (m) entry.interface = m[1];
      break;
    }
    case "flags":
      entry.flags.push(...splitList(value, /,/));
      break;
    case "options":
      entry.options.push(...splitList(value, /[\s,]+/));
      break;
    case "reach":
      setReach(entry, value);
      break;
    case "order":
      entry.order = toInt(value);
      break;
    case "port":
      entry.port = toInt(value);
      break;
    case "timeout":
      entry.timeout = toInt(value);
      break;
  }
}

// `0x00000003 (Reachable,Transient Connection)`, legacy `Reachable,Directly Reachable Address`, or bare words.
function setReach(entry: DnsResolverEntry, value: string): void {
  const m = /^(0x[0-9a-fA-F]{1,8})\s*(?:\((.*)\))?$/.exec(value);
  const words = (m ? (m[2] ?? "") : value).trim();
  const tokens = splitList(words, /,/);
  const known = tokens.length > 0 && tokens.every((t) => REACH_WORDS.has(t));
  if (!m && !known) return; // not reachability text: leave the entry alone
  if (words !== "") entry.reach = words;
  if (m) entry.reachable = (parseInt(m[1], 16) & REACHABLE_BIT) !== 0;
  else entry.reachable = tokens.includes("Reachable");
}

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function toInt(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
