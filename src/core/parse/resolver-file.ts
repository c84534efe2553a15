import { isIP } from "node:net";

// A per-domain resolver file in /etc/resolver (resolver(5)): `nameserver`
// lines (an IPv4 address may end in `.port`), `port`, `domain` (the file name
// is the domain when it is absent), `search`, and options this check doesn't
// need. macOS sends every name in that domain, and under it, to those servers
// (apple/container#1407: a file named containerization.vm with `domain vm`
// answers for *.vm). Pure; never throws.

export interface ResolverFile {
  /** The `domain` line, lower case, trailing dot dropped; undefined when the file has none. */
  domain?: string;
  /** Addresses from `nameserver` lines, in file order, at most three as resolver(5) reads. */
  nameservers: string[];
  /** The `port` line, or the port of the first `nameserver a.b.c.d.port`. */
  port?: number;
  search: string[];
}

/** Longer lines are no resolver line anyone wrote: skipped, so a hostile file stays cheap. */
const MAX_LINE = 1024;
const MAX_NAMESERVERS = 3;
const NAME = /^[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?$/;

/** A domain as resolver files and scutil print it: lower case, no trailing dot, or undefined when it isn't one. */
export function normalDomain(value: string): string | undefined {
  const d = String(value ?? "")
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
  return NAME.test(d) && !d.includes("..") ? d : undefined;
}

export function parseResolverFile(text: string): ResolverFile {
  const out: ResolverFile = { nameservers: [], search: [] };
  for (const raw of String(text ?? "")
    .slice(0, 100_000)
    .split(/\r?\n/)) {
    if (raw.length > MAX_LINE) continue;
    // Blank and comment (`#`, `;`) lines fall through the switch: their first word is no keyword.
    const [key, ...values] = raw.trim().split(/\s+/);
    const value = values[0] ?? "";
    switch (key.toLowerCase()) {
      case "nameserver": {
        const server = splitNameserver(value);
        if (server && out.nameservers.length < MAX_NAMESERVERS) {
          out.nameservers.push(server.address);
          if (server.port !== undefined && out.port === undefined) out.port = server.port;
        }
        break;
      }
      case "port": {
        const port = Number(value);
        if (/^\d{1,5}$/.test(value) && port > 0 && port <= 65535) out.port = port;
        break;
      }
      case "domain": {
        const domain = normalDomain(value);
        if (domain) out.domain = domain;
        break;
      }
      case "search":
        out.search = values
          .map(normalDomain)
          .filter((d): d is string => !!d)
          .slice(0, 6);
        break;
      default:
        break;
    }
  }
  return out;
}

/** `10.0.0.17` or `10.0.0.17.55` (resolver(5): the nameserver at 10.0.0.17 on port 55); IPv6 as written. */
function splitNameserver(value: string): { address: string; port?: number } | undefined {
  const v = value.replace(/%.*$/, "");
  if (isIP(v)) return { address: v };
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\.(\d{1,5})$/.exec(v);
  if (m && isIP(m[1]) && Number(m[2]) > 0 && Number(m[2]) <= 65535) return { address: m[1], port: Number(m[2]) };
  return undefined;
}

/** The names a resolver for `domain` answers: the domain itself and every name under it. */
export function domainCatches(domain: string, name: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}
