import { cause, evidenceOf } from "./cause-builders";
import type { Facts } from "./diagnose-facts";
import type { Cause, Finding } from "./types";

// The diagnosis of address families and of the sign-in service's own answer. No new causes:
// each is `blocked` with the reason the measurements give, or evidence for a stronger cause.

/**
 * Broken IPv6: a warning, not a failure, since macOS falls back to IPv4 after trying IPv6, so
 * sign-in stalls rather than fails outright. A blocked host (apple-hosts failing) is the stronger cause.
 */
export function brokenIpv6(f: Facts): Cause | undefined {
  const hosts = f.data<string[]>("apple-hosts", "ipv6Broken") ?? [];
  if (!f.is("apple-hosts", "warn") || !hosts.length) return undefined;
  return cause(
    "blocked",
    "medium",
    `${f.get("apple-hosts")!.summary}. This network's IPv6 is broken for Apple's sign-in servers, and macOS usually tries IPv6 first, so sign-in can stall or time out. Fix: ask whoever runs the network to fix IPv6, or for a test set Configure IPv6 to Link-Local Only in Network Settings (Details → TCP/IP), then sign in again.`,
    [...evidenceOf(f.get("apple-hosts")), ...evidenceOf(f.get("internet"))],
    ["open-network-settings"],
  );
}

/** No IPv4 route and no NAT64: the hosts with only IPv4 addresses can't be reached from here at all. */
export function noIpv4NoNat64(f: Facts, source: Finding): Cause {
  return cause(
    "blocked",
    "high",
    `${source.summary}. Such a network needs NAT64 (with DNS64) for servers that have only IPv4. Fix: join a network with IPv4, or ask whoever runs this one for NAT64; if you set DNS servers by hand in Network Settings, remove them so the network's own DNS (which does DNS64) answers.`,
    [...evidenceOf(source), ...evidenceOf(f.get("internet"))],
    ["open-network-settings"],
  );
}

/** The sign-in service's own answer when it was someone's page: evidence for whoever stands in Apple's place. */
export function foreignAnswer(f: Facts): string[] {
  return f.data<boolean>("apple-hosts", "foreignAnswer") === true ? evidenceOf(f.get("apple-hosts")) : [];
}
