import { describeError, errorCode } from "../host/types";
import { findAppleLines, hostsFileWriter, type HostsCatch } from "../parse/etc-hosts";
import { cleanLine } from "../sanitize";
import { readResolverFiles, resolverDetails, resolverSentence, type ResolverFindings } from "./resolver-files";
import type { ProbeResult } from "../types";
import type { Probe, ProbeContext } from "./types";
import { listWords, plural, result } from "./util";

// /etc/hosts answers before any DNS server: a privacy list or an
// "activation blocker" that maps an Apple name to 0.0.0.0 breaks sign-in on
// this Mac alone, whatever the network does (StevenBlack/hosts#810). Readable
// by every user (mode 644), so no admin rights are needed. Per-domain
// resolver files in /etc/resolver do the same for a whole domain: they are
// read here too (resolver-files.ts).

export const HOSTS_PATH = "/etc/hosts";

/** Parent domains Apple's sign-in needs (the list; Apple's enterprise-network article names them). */
export const APPLE_DOMAINS = ["apple.com", "icloud.com", "apple-dns.net", "cdn-apple.com", "mzstatic.com"];

/** A line as evidence: the address and the Apple names only (other names on it may be private). */
export function describeLine(c: HostsCatch): string {
  const more = c.others ? ` (and ${plural(c.others, "other name")})` : "";
  return `line ${c.line}: ${cleanLine(c.address)} ${c.names.join(" ")}${more}`;
}

async function readHosts(ctx: ProbeContext): Promise<{ text?: string; code?: string }> {
  try {
    let read = await ctx.host.readFile(HOSTS_PATH);
    // Hosts managers (Gas Mask, SwitchHosts) may leave /etc/hosts a link to their own copy.
    if (read.text === undefined && read.link?.startsWith("/")) read = await ctx.host.readFile(read.link);
    return { text: read.text ?? "" };
  } catch (error) {
    return { code: errorCode(error) };
  }
}

export const hostsFileProbe: Probe = {
  id: "hosts-file",
  title: "Hosts File",
  area: "network",
  async run(ctx) {
    const signIn = [...ctx.targets.signInHosts, ...(ctx.targets.pushHosts ?? [ctx.targets.pushHost])];
    const [hosts, resolvers] = await Promise.all([
      judgeHostsFile(ctx, signIn),
      readResolverFiles(ctx, signIn, APPLE_DOMAINS),
    ]);
    return withResolverFiles(hosts, resolvers);
  },
};

/** The /etc/hosts verdict alone, as it was before /etc/resolver was read. */
async function judgeHostsFile(ctx: ProbeContext, signIn: string[]): Promise<ProbeResult> {
  const { text, code } = await readHosts(ctx);
  if (code === "ENOTRECORDED" || code === "ECANCELLED") return result("skip", "No /etc/hosts in the recording");
  if (code === "ENOENT") return result("pass", "No /etc/hosts file, so nothing overrides DNS");
  if (code) return result("skip", `Couldn't read /etc/hosts: ${describeError(code)}`);
  const caught = findAppleLines(text ?? "", signIn, APPLE_DOMAINS);
  const writer = hostsFileWriter(text ?? "");
  const byWho = writer ? `, written by ${cleanLine(writer)}` : "";
  const lines = (cs: HostsCatch[]) => `${cs.length === 1 ? "line" : "lines"} ${cs.map((c) => c.line).join(", ")}`;
  // Many lines are cut short in the summary; the details list them.
  const lineList = (cs: HostsCatch[]) => (cs.length > 5 ? `${lines(cs.slice(0, 5))} …` : lines(cs));
  const names = (cs: HostsCatch[]) => [...new Set(cs.flatMap((c) => c.names))];
  // The lines that matter first: sign-in hosts, then parent domains, then the rest of Apple's names.
  const ORDER = { "sign-in": 0, domain: 1, apple: 2 } as const;
  const shown = [...caught]
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.line - b.line)
    .slice(0, 20)
    .map(describeLine);
  const rest = caught.length > 20 ? [`… and ${plural(caught.length - 20, "more Apple line")}`] : [];
  const details = [...shown, ...rest, ...(writer ? [`The file names its source: ${writer}`] : [])];
  const signInBlocked = caught.filter((c) => c.kind === "sign-in" && c.blocking);
  const signInPinned = caught.filter((c) => c.kind === "sign-in" && !c.blocking);
  const domains = caught.filter((c) => c.kind === "domain");
  const others = caught.filter((c) => c.kind === "apple");
  const data = {
    lines: caught.slice(0, 200),
    writer,
    blockedHosts: names(signInBlocked),
    pinnedHosts: names(signInPinned),
  };
  if (signInBlocked.length) {
    const addresses = [...new Set(signInBlocked.map((c) => c.address))];
    return result(
      "fail",
      `Your /etc/hosts sends ${listWords(names(signInBlocked))} to ${listWords(addresses)} (${lineList(signInBlocked)}${byWho})`,
      details,
      { data, fixes: ["flush-dns"] },
    );
  }
  if (signInPinned.length) {
    return result(
      "warn",
      `Your /etc/hosts pins ${listWords(names(signInPinned))} to a fixed address (${lines(signInPinned)}): DNS is bypassed, and Apple's addresses change`,
      details,
      { data, fixes: ["flush-dns"] },
    );
  }
  if (domains.length) {
    return result(
      "warn",
      `Your /etc/hosts maps ${listWords(names(domains))} (${lines(domains)}); a hosts file matches whole names, so the sign-in hosts under it still resolve`,
      details,
      { data },
    );
  }
  if (others.length) {
    return result(
      "pass",
      `No sign-in host in /etc/hosts (${plural(others.length, "line")} for other Apple names${byWho})`,
      details,
      { data },
    );
  }
  return result("pass", "No Apple names in /etc/hosts", details, { data });
}

/** Severity of a result, for picking which sentence leads. */
const RANK: Record<ProbeResult["status"], number> = { fail: 0, warn: 1, pass: 2, skip: 3, error: 4 };

/**
 * Adds what /etc/resolver says to the hosts-file verdict. A file that catches a sign-in host is a
 * warning (it sends them to a server this check can't judge; diagnose weighs it against the DNS
 * results); one that catches only a parent domain is noted. An /etc/hosts block still leads.
 */
function withResolverFiles(hosts: ProbeResult, found: ResolverFindings): ProbeResult {
  // Nothing in /etc/resolver for Apple (or no listing, as in older recordings): the /etc/hosts finding as it was.
  if (!found.listed || (!found.catches.length && !found.notes.length)) return hosts;
  const extra = resolverDetails(found);
  const signIn = found.catches.filter((c) => c.hosts.length);
  const data = {
    ...hosts.data,
    resolverFiles: found.catches,
    resolverHosts: [...new Set(signIn.flatMap((c) => c.hosts))],
    ...(signIn.length ? { resolverSummary: resolverSentence(signIn) } : {}),
  };
  const details = [...hosts.details, ...extra];
  if (signIn.length && RANK[hosts.status] > RANK.fail) {
    const pinnedOrMapped = hosts.status === "warn" ? [`Also: ${hosts.summary}`] : [];
    return {
      ...hosts,
      ...result(
        "warn",
        `${resolverSentence(signIn)}, so this Mac asks that server for Apple's sign-in hosts, whatever the network's DNS is`,
        [...pinnedOrMapped, ...details],
        { data, fixes: ["flush-dns"] },
      ),
      identifiers: hosts.identifiers,
    };
  }
  const domainsOnly = found.catches.filter((c) => !c.hosts.length);
  if (domainsOnly.length && RANK[hosts.status] > RANK.warn) {
    return result(
      "warn",
      `${resolverSentence(domainsOnly)}; ${domainsOnly.length === 1 ? "it catches" : "they catch"} no sign-in host, but other Apple services under ${domainsOnly.length === 1 ? "it" : "them"}`,
      details,
      { data },
    );
  }
  return { ...hosts, details, ...(found.catches.length ? { data } : {}) };
}
