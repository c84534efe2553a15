import { causeName } from "./cause-titles";
import { describeFailure } from "./host/types";
import type { Cause, Finding } from "./types";

// The report's section for IT: who is in the way, what Apple requires for
// sign-in (Apple, "Use Apple products on enterprise networks",
// support.apple.com/101555), which of those failed from this Mac and how, and
// Apple's word on HTTPS interception. Pure; outside text goes through `outside`
// so the report can escape it like the rest.

export const APPLE_REQUIREMENTS: readonly string[] = [
  "Apple Account: account.apple.com, appleid.apple.com, appleid.cdn-apple.com, idmsa.apple.com, gsa.apple.com on TCP 443",
  "iCloud: setup.icloud.com, gateway.icloud.com and the other names under icloud.com and apple-cloudkit.com on TCP 443",
  "Push (two-factor codes): 1-courier.push.apple.com to 50-courier.push.apple.com on TCP 5223, falling back to 443",
  "Time: time.apple.com on UDP 123",
];

export const INTERCEPTION_NOTE =
  "Apple says its services fail any connection that uses HTTPS interception (SSL inspection): exempt the hosts above from it.";

/** The first sentence of a cause's summary: it says what is in the way. */
function firstSentence(text: string): string {
  const at = text.search(/\.(\s|$)/);
  return at > 0 ? text.slice(0, at + 1) : text;
}

/** One sentence naming who is in the way, or undefined when nothing is. */
export function blockerSentence(causes: readonly Cause[]): string | undefined {
  const top = causes.find((c) => c.cause !== "none");
  if (!top) return undefined;
  return `${causeName(top)}: ${firstSentence(top.summary)}`;
}

interface HostData {
  host: string;
  reachable: boolean;
  error?: string;
}

/** What failed from this Mac among what Apple requires, one line each. */
export function measuredFailures(findings: readonly Finding[]): string[] {
  const by = (id: string) => findings.find((f) => f.probe === id);
  const lines: string[] = [];
  const hosts = by("hosts-file");
  // The finding leads with /etc/resolver when a resolver file, not an /etc/hosts line, is what it found.
  const fromResolver = /^(\/etc\/resolver\/|\d+ files in \/etc\/resolver )/.test(hosts?.summary ?? "");
  if (hosts?.status === "fail" || hosts?.status === "warn")
    lines.push(`${fromResolver ? "/etc/resolver" : "/etc/hosts"} on this Mac: ${hosts.summary}`);
  const dns = by("dns");
  // The Mac's resolver answers from /etc/hosts first: a "DNS" block the hosts file explains is no DNS server's doing.
  const fromHostsFile = new Set((hosts?.status === "fail" && (hosts.data?.blockedHosts as string[])) || []);
  const dnsHosts = (dns?.data?.hostsAffected as string[] | undefined) ?? [];
  const viaResolver = new Set((hosts?.data?.resolverHosts as string[] | undefined) ?? []);
  if (dns?.status === "fail" && dnsHosts.length && dnsHosts.every((h) => fromHostsFile.has(h)))
    lines.push(`DNS: ${dnsHosts.join(", ")} answered from /etc/hosts, before any DNS server`);
  else if (dns?.status === "fail" && dnsHosts.length && dnsHosts.every((h) => viaResolver.has(h)))
    lines.push(`DNS: ${dnsHosts.join(", ")} asked of the server in /etc/resolver, not the network's`);
  else if (dns?.status === "fail" || dns?.status === "warn") lines.push(`DNS: ${dns.summary}`);
  const shakes = (by("apple-hosts")?.data?.hosts as HostData[] | undefined) ?? [];
  for (const h of shakes.filter((s) => !s.reachable && s.error && s.error !== "ENOTRECORDED"))
    lines.push(`${h.host} TCP 443 (TLS handshake): ${describeFailure(h.error!, h.host)}`);
  const signIn = by("apple-hosts");
  // What a handshake can't show: someone else's answer to the sign-in service, or IPv6 failing where IPv4 works.
  if (signIn?.data?.foreignAnswer === true || signIn?.data?.ipv6Broken)
    lines.push(`Sign-in service: ${signIn.summary}`);
  const push = by("push");
  if (push?.status === "fail" || push?.status === "warn") lines.push(`Push: ${push.summary}`);
  const tls = by("tls-inspection");
  if (tls?.status === "fail") lines.push(`Certificates: ${tls.summary}`);
  const clock = by("clock");
  if (clock?.data?.ntpBlocked) lines.push("Time: UDP 123 to time.apple.com got no answer");
  for (const id of ["proxy", "vpn"]) {
    const f = by(id);
    if (f?.status === "warn") lines.push(`${f.title}: ${f.summary}`);
  }
  return lines;
}
