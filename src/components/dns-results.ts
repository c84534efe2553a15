import { isIP } from "node:net";
import { describeError } from "../core/host/types";
import { isSinkhole, SLOW_MS, type DnsHostResult, type DnsLookup, type ResolverSummary } from "../core/probes/dns";
import { redact } from "../core/redact";
import type { Finding, Status } from "../core/types";

// Pure reading of the `dns` finding for the Flush DNS command: per-host
// verdicts, what changed after a flush, and the plain-text summary. No
// @raycast/api here, so it reads the same in any front end.

/** The probe's structured evidence. */
export interface DnsData {
  hosts: DnsHostResult[];
  /** Undefined when the resolver list couldn't be read (not a Mac, scutil missing). */
  resolvers?: ResolverSummary;
}

export function dnsData(finding: Finding | undefined): DnsData | undefined {
  const data = finding?.data as { hosts?: unknown; resolvers?: unknown } | undefined;
  if (!data || !Array.isArray(data.hosts)) return undefined;
  return { hosts: data.hosts as DnsHostResult[], resolvers: data.resolvers as ResolverSummary | undefined };
}

export function systemLookup(host: DnsHostResult): DnsLookup | undefined {
  return host.lookups.find((l) => l.server === "system");
}

export function publicLookups(host: DnsHostResult): DnsLookup[] {
  return host.lookups.filter((l) => l.server !== "system");
}

function blockingAddresses(lookup: DnsLookup | undefined): string[] {
  return (lookup?.addresses ?? []).filter((a) => isIP(a) && isSinkhole(a));
}

/** The Mac's own resolver gave a usable address (not a blocking one). */
export function resolves(host: DnsHostResult): boolean {
  const system = systemLookup(host);
  return Boolean(system?.addresses?.length) && blockingAddresses(system).length === 0;
}

export interface HostVerdict {
  status: Extract<Status, "pass" | "warn" | "fail">;
  /** One calm line: why the row has its colour. */
  reason: string;
}

/** Red when this Mac can't (or won't) find the host, orange when nobody can or it is slow, green otherwise. */
export function hostVerdict(host: DnsHostResult): HostVerdict {
  const system = systemLookup(host);
  const blocked = blockingAddresses(system);
  if (blocked.length) return { status: "fail", reason: `Answered with a blocking address (${blocked.join(", ")})` };
  if (!system?.addresses?.length) {
    const working = publicLookups(host).find((l) => l.addresses?.length);
    return working
      ? { status: "fail", reason: `This Mac can't find it, but ${working.server} can` }
      : { status: "warn", reason: "No resolver found it" };
  }
  if (system.ms > SLOW_MS) return { status: "warn", reason: `Slow: ${system.ms} ms` };
  return { status: "pass", reason: "Resolves" };
}

/** What a lookup answered, as a person reads it: "17.32.194.99, 17.32.194.2" or "Name not found". */
export function lookupAnswer(lookup: DnsLookup | undefined): string {
  if (!lookup) return "Not asked";
  if (lookup.addresses) {
    if (lookup.addresses.length === 0) return "No address";
    const blocked = blockingAddresses(lookup);
    const list = lookup.addresses.join(", ");
    return blocked.length ? `${list} (blocking address)` : list;
  }
  const words = describeError(lookup.error ?? "");
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "No answer";
}

/** How a public resolver's answer compares with this Mac's. */
export type PublicVerdict = "agrees" | "differs" | "resolves" | "failed";

export function publicVerdict(system: DnsLookup | undefined, lookup: DnsLookup): PublicVerdict {
  if (!lookup.addresses?.length) return "failed";
  if (!system?.addresses?.length || blockingAddresses(system).length) return "resolves";
  // Content networks hand out different addresses per resolver: one shared address is agreement.
  return lookup.addresses.some((a) => system.addresses!.includes(a)) ? "agrees" : "differs";
}

export const PUBLIC_VERDICT_WORDS: Record<PublicVerdict, string> = {
  agrees: "Agrees",
  differs: "Differs",
  resolves: "Resolves",
  failed: "Failed",
};

/** What a flush did to one host. */
export type HostChange = "fixed" | "still-failing" | "now-failing" | "changed" | "unchanged";

export const HOST_CHANGE_WORDS: Record<HostChange, string> = {
  fixed: "Fixed",
  "still-failing": "Still Failing",
  "now-failing": "Now Failing",
  changed: "Changed",
  unchanged: "Unchanged",
};

export function compareHost(before: DnsHostResult | undefined, after: DnsHostResult): HostChange {
  const was = before ? resolves(before) : false;
  const now = resolves(after);
  if (!was && now) return "fixed";
  if (!was && !now) return "still-failing";
  if (was && !now) return "now-failing";
  const a = [...(systemLookup(before!)?.addresses ?? [])].sort().join(" ");
  const b = [...(systemLookup(after)?.addresses ?? [])].sort().join(" ");
  return a === b ? "unchanged" : "changed";
}

/** "Only for corp.example via utun4": where a supplemental (often VPN) resolver applies. */
export function resolverScope(resolver: ResolverSummary["supplemental"][number]): string {
  const domain = resolver.domain || "one domain";
  return `Only for ${domain}${resolver.interface ? ` via ${resolver.interface}` : ""}`;
}

/** VPN and tunnel interfaces: utun (WireGuard, Tailscale, IKEv2), ipsec, ppp. */
export function isTunnel(name: string | undefined): boolean {
  return /^(utun|ipsec|ppp|tun|tap)\d*$/.test(name ?? "");
}

const STATUS_WORDS: Record<Status, string> = {
  pass: "Passed",
  warn: "Warning",
  fail: "Failed",
  skip: "Skipped",
  error: "Error",
};

function lookupLine(lookup: DnsLookup): string {
  const who = lookup.server === "system" ? "this Mac" : lookup.server;
  const answer = lookup.addresses ? lookupAnswer(lookup) : describeError(lookup.error ?? "") || "no answer";
  return `${who}: ${answer} (${lookup.ms} ms)`;
}

export interface SummaryOptions {
  /** The finding before a flush: each host then says what changed. */
  before?: Finding;
  /** Hide identifiers (on unless the user asked otherwise). */
  redact?: boolean;
}

/**
 * The short plain-text summary Copy DNS Summary puts on the clipboard:
 * resolvers, each sign-in host's answers, then the verdict. Redacted by
 * default with the identifiers the probe reported (search and VPN domains)
 * on top of the patterns (private IPs, computer names).
 */
export function dnsSummaryText(finding: Finding, options: SummaryOptions = {}): string {
  const data = dnsData(finding);
  const beforeData = dnsData(options.before);
  const lines = ["Apple ID Doctor: DNS", ""];

  lines.push("Resolvers:");
  const resolvers = data?.resolvers;
  if (!resolvers) {
    lines.push("- Couldn't read this Mac's resolvers");
  } else {
    lines.push(`- Default: ${resolvers.nameservers.join(", ") || "no nameserver configured"}`);
    for (const s of resolvers.supplemental) {
      lines.push(`- ${resolverScope(s)}: ${s.nameservers.join(", ") || "no nameserver"}`);
    }
  }

  lines.push("", options.before ? "Sign-in hosts (after flushing the DNS cache):" : "Sign-in hosts:");
  for (const host of data?.hosts ?? []) {
    const change = options.before
      ? ` [${
          HOST_CHANGE_WORDS[
            compareHost(
              beforeData?.hosts.find((h) => h.name === host.name),
              host,
            )
          ]
        }]`
      : "";
    lines.push(`- ${host.name}${change}: ${host.lookups.map(lookupLine).join("; ")}`);
  }

  const was = options.before ? ` (before the flush: ${STATUS_WORDS[options.before.status]})` : "";
  lines.push("", `Verdict: ${STATUS_WORDS[finding.status]} — ${finding.summary}${was}`);

  const text = lines.join("\n");
  if (options.redact === false) return text;
  const identifiers = [...(finding.identifiers ?? []), ...(options.before?.identifiers ?? [])];
  return redact(text, { identifiers });
}
