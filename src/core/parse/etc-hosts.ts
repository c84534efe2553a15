import { isIP } from "node:net";

/**
 * The addresses /etc/hosts gives a name, in file order (IPv4 and IPv6), as
 * getaddrinfo would answer before asking any DNS server. Names match
 * case-insensitively, comments and malformed lines are ignored; never throws.
 */
export function hostsFileAddresses(text: string, name: string): string[] {
  const wanted = name.toLowerCase().replace(/\.$/, "");
  const found: string[] = [];
  for (const raw of String(text ?? "").split(/\r?\n/)) {
    const [address, ...names] = raw.replace(/#.*$/, "").trim().split(/\s+/);
    if (!address || !isIP(address.replace(/%.*$/, ""))) continue;
    if (names.some((n) => n.toLowerCase().replace(/\.$/, "") === wanted) && !found.includes(address)) {
      found.push(address);
    }
  }
  return found;
}

/** One name-to-address line of a hosts file, 1-based line number. */
export interface HostsEntry {
  line: number;
  address: string;
  names: string[];
}

/** Lines longer than this are no hosts line a person wrote or a blocker generated: skipped, so a hostile file stays cheap. */
const MAX_LINE = 4096;

/** Every entry of a hosts file, in file order; comments, blank and malformed lines skipped. Never throws. */
export function parseHostsEntries(text: string): HostsEntry[] {
  const entries: HostsEntry[] = [];
  String(text ?? "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.length > MAX_LINE) return;
      const [address, ...names] = raw.replace(/#.*$/, "").trim().split(/\s+/);
      if (!address || !isIP(address.replace(/%.*$/, "")) || names.length === 0) return;
      entries.push({ line: i + 1, address, names: names.map((n) => n.toLowerCase().replace(/\.$/, "")) });
    });
  return entries;
}

/** Addresses a blocker writes to make a name unreachable. */
export function isBlockingAddress(address: string): boolean {
  return /^(0\.0\.0\.0|127\.\d+\.\d+\.\d+|::1?|0:0:0:0:0:0:0:[01])$/.test(address.replace(/%.*$/, ""));
}

export interface HostsCatch {
  line: number;
  address: string;
  /** The caught names this line maps, lower case. */
  names: string[];
  /** How many other names the line maps (not shown: they may be private). */
  others: number;
  /** `sign-in`: a host sign-in dials; `domain`: a parent domain itself; `apple`: another name under one. */
  kind: "sign-in" | "domain" | "apple";
  blocking: boolean;
}

/**
 * The lines that catch Apple's names: a sign-in host itself, one of the parent domains itself,
 * or another name under them. A hosts file matches whole names only, so a line for
 * `apple.com` doesn't catch `gsa.apple.com`: each kind is told apart for that reason.
 */
export function findAppleLines(text: string, signInHosts: readonly string[], domains: readonly string[]): HostsCatch[] {
  const hosts = new Set(signInHosts.map((h) => h.toLowerCase()));
  const parents = domains.map((d) => d.toLowerCase());
  const kindOf = (name: string): HostsCatch["kind"] | undefined =>
    !/^[a-z0-9_.-]+$/.test(name)
      ? undefined
      : hosts.has(name)
        ? "sign-in"
        : parents.includes(name)
          ? "domain"
          : parents.some((d) => name.endsWith(`.${d}`))
            ? "apple"
            : undefined;
  const RANK = { "sign-in": 0, domain: 1, apple: 2 } as const;
  const found: HostsCatch[] = [];
  for (const entry of parseHostsEntries(text)) {
    const caught = entry.names.map((n) => ({ n, kind: kindOf(n) })).filter((c) => c.kind);
    if (!caught.length) continue;
    const kind = caught.map((c) => c.kind!).sort((a, b) => RANK[a] - RANK[b])[0];
    const names = [...new Set(caught.filter((c) => c.kind === kind).map((c) => c.n))];
    found.push({
      line: entry.line,
      address: entry.address,
      names,
      others: entry.names.length - names.length,
      kind,
      blocking: isBlockingAddress(entry.address),
    });
  }
  return found;
}

/** Tools that write hosts files and sign them with a comment; named only when the file says so. */
const WRITERS: [RegExp, string][] = [
  [/StevenBlack\/hosts/i, "StevenBlack/hosts"],
  [/Safer-Networking|Spybot/i, "Spybot Anti-Beacon"],
  [/someonewhocares\.org/i, "Dan Pollock's hosts file (someonewhocares.org)"],
  [/hBlock/, "hBlock"],
  [/AdAway/i, "AdAway"],
  [/Gas Mask/i, "Gas Mask"],
  [/SwitchHosts/i, "SwitchHosts"],
];

/** Who wrote this hosts file, when one of the known tools left its name in a comment. */
export function hostsFileWriter(text: string): string | undefined {
  const comments = String(text ?? "")
    .slice(0, 200_000)
    .split(/\r?\n/)
    .filter((l) => /^\s*#/.test(l) && l.length <= MAX_LINE)
    .join("\n");
  return WRITERS.find(([re]) => re.test(comments))?.[1];
}
