import { COMMON_FALSE_POSITIVES } from "./dns-filters";
import { allowAdvice, type ActiveFilter } from "./filter-products";
import type { CauseId, ProbeId } from "./ids";
import { cause, evidenceOf, noneCause, notFullyChecked, nothingChecked, unexplainedWarnings } from "./cause-builders";
import type { Facts } from "./diagnose-facts";
import { brokenIpv6, foreignAnswer, noIpv4NoNat64 } from "./diagnose-network";
import { hostsFile, hostsFileCoversFailures } from "./hosts-file-rules";
import type { Cause, Confidence, Finding } from "./types";

// Findings in, ranked causes out. Each rule reads the evidence of several
// probes, and a cause that explains others silences them: offline explains
// unreachable hosts, a Wi-Fi login page explains odd certificates.

type Rule = (f: Facts) => Cause | undefined;

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** Causes a stronger one explains away. */
const EXPLAINS: Partial<Record<CauseId, CauseId[]>> = {
  offline: ["dns", "blocked", "push-blocked", "captive-portal", "tls-inspection", "proxy", "vpn"],
  "captive-portal": ["dns", "blocked", "push-blocked", "tls-inspection"],
  "clock-skew": ["tls-inspection", "blocked"],
  dns: ["blocked"],
  "tls-inspection": ["blocked"],
  vpn: ["blocked", "push-blocked"],
  proxy: ["blocked", "push-blocked"],
  "network-filter": ["blocked", "push-blocked"],
};

const RULES: Rule[] = [
  function appleOutage(f) {
    const status = f.get("apple-status");
    if (!f.is("apple-status", "fail", "warn") || !f.data("apple-status", "issues")) return undefined;
    return cause(
      "apple-outage",
      status!.status === "fail" ? "high" : "medium",
      `${status!.summary}. This isn't your Mac: wait and try again later; Apple usually fixes these within hours. Fix: Open Apple System Status to follow it.`,
      [...evidenceOf(status), ...status!.details.slice(0, 3)],
      ["open-status-page"],
    );
  },
  function offline(f) {
    if (!f.is("internet", "fail")) return undefined;
    return cause(
      "offline",
      "high",
      "This Mac isn't connected to the internet, so it can't reach Apple's servers. Fix: join a working network, then try again.",
      evidenceOf(f.get("internet")),
      ["open-network-settings"],
    );
  },
  function captivePortal(f) {
    if (!f.is("captive-portal", "fail")) return undefined;
    return cause(
      "captive-portal",
      "high",
      "This Wi-Fi wants you to accept its login page first; until then Apple's servers are out of reach. Fix: open a web page in Safari and complete the login.",
      evidenceOf(f.get("captive-portal")),
      ["open-network-settings"],
    );
  },
  hostsFile,
  function restricted(f) {
    if (!f.is("restrictions", "fail") || f.data<boolean>("restrictions", "restricted") !== true) return undefined;
    return cause(
      "restricted",
      "high",
      `${f.get("restrictions")!.summary}. This Mac's administrator doesn't allow Apple Account changes: ask them to allow it. No network or DNS fix changes this.`,
      evidenceOf(f.get("restrictions")),
      [],
    );
  },
  function clockSkew(f) {
    const clockErrors = f.data<{ host: string; error: string }[]>("tls-inspection", "clockErrors") ?? [];
    const clock = f.get("clock");
    const offsetMs = f.data<number>("clock", "offsetMs");
    const measured = offsetMs !== undefined;
    // A clock measured right is not what makes certificates look expired: that
    // is the certificates (or who serves them), and Sync Clock would not help.
    const certsSayClock = clockErrors.length >= 2 && !(measured && clock?.status === "pass");
    // A clock that couldn't be measured is no evidence; certificates alone can be.
    if (!(measured && (clock?.status === "fail" || clock?.status === "warn")) && !certsSayClock) return undefined;
    // A large offset plus certificates that look expired or not yet valid is
    // one problem, the clock: not interception, not blocking.
    const confidence: Confidence =
      clock?.status === "fail" ? "high" : certsSayClock ? (clock?.status === "warn" ? "high" : "medium") : "low";
    const evidence = [...evidenceOf(clock), ...clockErrors.map((e) => `${e.host}: ${e.error}`)];
    const what = measured
      ? `Your ${clock!.summary.replace(/^Clock/, "clock")}`
      : "Apple's certificates look expired or not yet valid to this Mac, so its clock is probably wrong";
    return cause(
      "clock-skew",
      confidence,
      `${what}. Apple's servers reject sign-ins when the clock is off. ${clockAdvice(f)}`,
      evidence,
      f.data<boolean>("clock", "ntpBlocked") ? ["open-date-time-settings"] : ["sync-clock", "open-date-time-settings"],
    );
  },
  function tlsInspection(f) {
    if (!f.is("tls-inspection", "fail")) return undefined;
    const proxyOn = f.is("proxy", "warn");
    const vpnOn = f.is("vpn", "warn");
    const via = proxyOn ? "the proxy" : vpnOn ? "the VPN" : "a security app, proxy or VPN";
    return cause(
      "tls-inspection",
      "high",
      `${f.get("tls-inspection")!.summary}. Apple's servers refuse connections that ${via} intercepts. Fix: turn off HTTPS inspection (or the ${proxyOn ? "proxy" : vpnOn ? "VPN" : "app doing it"}) for Apple's hosts, then try again.`,
      [
        ...evidenceOf(f.get("tls-inspection")),
        ...foreignAnswer(f),
        ...(proxyOn ? evidenceOf(f.get("proxy")) : []),
        ...(vpnOn ? evidenceOf(f.get("vpn")) : []),
      ],
      proxyOn ? ["open-network-settings"] : vpnOn ? ["open-vpn-settings"] : ["open-network-settings"],
    );
  },
  function dns(f) {
    const hostsByName = f.is("apple-hosts", "fail") && f.data<string>("apple-hosts", "cause") === "dns";
    if (!f.is("dns", "fail") && !hostsByName) return undefined;
    if (!f.is("dns", "fail")) {
      return cause(
        "dns",
        "medium",
        `${f.get("apple-hosts")!.summary}: the names didn't resolve when connecting. Fix: Flush DNS Cache; if that doesn't help, use another DNS server in Network Settings.`,
        evidenceOf(f.get("apple-hosts")),
        ["flush-dns", "open-network-settings"],
      );
    }
    const verdict = f.data<string>("dns", "verdict");
    if (verdict === "sinkhole") return undefined; // a blocking DNS filter: see blocked
    const hosts = f.data<string[]>("dns", "hostsAffected") ?? [];
    const internetOk = f.is("internet", "pass", "warn");
    // Only name a public resolver that answered: when they failed too, another DNS server is no fix.
    const working = workingResolver(f);
    const advice = working
      ? `Fix: Flush DNS Cache; if that doesn't help, use another DNS server (such as ${working}) in Network Settings.`
      : "Public DNS servers didn't answer either, so another DNS server won't help here: this network blocks or breaks name lookups. Fix: try another network (a phone's hotspot), or ask whoever runs this one.";
    const server = f.data<{ server: string; what?: string }>("dns", "filter");
    const asked = verdict === "system-fails" && server ? ` This Mac asks ${server.what ?? server.server} first.` : "";
    return cause(
      "dns",
      verdict === "system-fails" || internetOk ? "high" : "medium",
      `${f.get("dns")!.summary}.${asked} Sign-in can't start without ${hosts.length === 1 ? "that name" : "those names"}. ${advice}`,
      evidenceOf(f.get("dns")),
      ["flush-dns", "open-network-settings"],
    );
  },
  function blocked(f) {
    const sinkhole = f.is("dns", "fail") && f.data<string>("dns", "verdict") === "sinkhole";
    const unreachable = f.is("apple-hosts", "fail") && f.data<string>("apple-hosts", "cause") !== "dns";
    if (!sinkhole && !unreachable) return undefined;
    const source = sinkhole ? f.get("dns")! : f.get("apple-hosts")!;
    const dnsFilter = sinkhole ? f.data<{ server: string; what?: string }>("dns", "filter") : undefined;
    const filterHint = f.is("vpn", "warn")
      ? "the VPN"
      : f.is("proxy", "warn")
        ? "the proxy"
        : dnsFilter
          ? `a DNS filter: this Mac's DNS server is ${dnsFilter.what ?? dnsFilter.server}`
          : f.data<boolean>("apple-hosts", "foreignAnswer") === true
            ? "a web filter or proxy on this network"
            : "a firewall, content filter or DNS blocker on this network";
    const blockedNames = sinkhole ? (f.data<string[]>("dns", "hostsAffected") ?? []) : [];
    const falsePositive = blockedNames.filter((n) => COMMON_FALSE_POSITIVES.includes(n));
    if (!sinkhole && f.data<string[]>("apple-hosts", "noIpv4")?.length) return noIpv4NoNat64(f, source);
    const inPlace = !sinkhole && f.data<boolean>("apple-hosts", "foreignAnswer") === true;
    const allow = sinkhole
      ? `Fix: allow ${listNames(blockedNames)} in that filter${falsePositive.length ? ` (${listNames(falsePositive)} ${falsePositive.length === 1 ? "is a" : "are"} common false ${falsePositive.length === 1 ? "positive" : "positives"} of blocklists)` : ""}, or try another network.`
      : inPlace
        ? "Fix: exempt gsa.apple.com and Apple's other sign-in hosts from that filter (no inspection, no block page), or try another network."
        : "Fix: allow Apple's hosts on port 443 (and 5223), or try another network.";
    return cause(
      "blocked",
      f.is("internet", "pass") || sinkhole ? "high" : "medium",
      inPlace
        ? `${source.summary}, while the internet works. Something answers in place of Apple's sign-in service, probably ${filterHint}, so sign-in fails even though the server's address answers. ${allow}`
        : `${source.summary}, while the internet works. Something is blocking Apple's sign-in servers, probably ${filterHint}. ${allow}`,
      [...evidenceOf(source), ...evidenceOf(f.get("internet"))],
      ["open-network-settings"],
    );
  },
  brokenIpv6,
  function pushBlocked(f) {
    // A name that didn't resolve is a DNS symptom: no port was tried, so none is known to be blocked.
    if (!f.is("push", "fail") || f.data<string>("push", "cause") === "dns") return undefined;
    return cause(
      "push-blocked",
      "medium",
      "Apple's push service is unreachable on ports 5223 and 443. Two-factor codes and iMessage/FaceTime activation depend on it. Fix: allow courier.push.apple.com on 5223 and 443, or try another network.",
      evidenceOf(f.get("push")),
      ["open-network-settings"],
    );
  },
  function pushDegraded(f) {
    if (!f.is("push", "warn")) return undefined;
    return cause(
      "push-blocked",
      "low",
      `${f.get("push")!.summary}. Push still works, but two-factor codes and iMessage/FaceTime activation can arrive slowly or fail. If codes don't arrive: allow courier.push.apple.com on port 5223, or try another network.`,
      evidenceOf(f.get("push")),
      ["open-network-settings"],
    );
  },
  function signedOut(f) {
    if (f.data<boolean>("account", "signedIn") !== false) return undefined;
    return cause(
      "signed-out",
      "medium",
      "No Apple Account is signed in on this Mac, so iCloud and the App Store can't sign in on their own. Fix: sign in from System Settings → Apple Account.",
      evidenceOf(f.get("account")),
      ["open-apple-account-settings"],
    );
  },
  function proxy(f) {
    if (!f.is("proxy", "warn")) return undefined;
    const confidence: Confidence =
      f.is("apple-hosts", "fail") || f.is("push", "fail")
        ? "high"
        : f.is("dns", "fail") || f.is("push", "warn")
          ? "medium"
          : "low";
    return cause(
      "proxy",
      confidence,
      `${f.get("proxy")!.summary}. Apple's sign-in fails behind proxies that inspect or block its traffic. Fix: turn the proxy off for a test in Network Settings.`,
      [...evidenceOf(f.get("proxy")), ...foreignAnswer(f)],
      ["open-network-settings"],
    );
  },
  function networkFilter(f) {
    const active = f.data<ActiveFilter[]>("network-filter", "active") ?? [];
    if (!f.is("network-filter", "warn") || !active.length) return undefined;
    const hosts = f.is("apple-hosts", "fail") && f.data<string>("apple-hosts", "cause") !== "dns";
    const push = f.is("push", "fail") && f.data<string>("push", "cause") !== "dns";
    // A filter that is on is a lead; it is the blocker only when sign-in fails while the internet works.
    const inTheWay = (hosts || push) && f.is("internet", "pass");
    const names = active.map((a) => a.product).join(" and ");
    // Seen as an extension it is active; seen only as a running agent, it is running.
    const how = active.every((a) => a.bundleId) ? "active" : "running";
    const what = !hosts
      ? "Apple's push service can't be reached"
      : f.data<boolean>("apple-hosts", "foreignAnswer") === true
        ? "a web page answers in place of Apple's sign-in service"
        : `the sign-in servers ${/timed out/.test(f.get("apple-hosts")!.summary) ? "time out" : "can't be reached"}`;
    const advice = active.map(allowAdvice).join("; or ");
    return cause(
      "network-filter",
      inTheWay ? "high" : "low",
      inTheWay
        ? `${names} ${active.length === 1 ? "is" : "are"} ${how} and ${what} while the internet works: ${advice}.`
        : `${names} ${active.length === 1 ? "is" : "are"} ${how}. Nothing failed now, but if sign-in fails: ${advice}.`,
      [
        ...evidenceOf(f.get("network-filter")),
        ...(inTheWay ? [...evidenceOf(f.get("apple-hosts")), ...evidenceOf(f.get("internet"))] : []),
      ],
      [],
    );
  },
  function vpn(f) {
    if (!f.is("vpn", "warn")) return undefined;
    const confidence: Confidence =
      f.is("apple-hosts", "fail") || f.is("push", "fail")
        ? "high"
        : f.is("dns", "fail", "warn") || f.is("push", "warn")
          ? "medium"
          : "low";
    return cause(
      "vpn",
      confidence,
      `${f.get("vpn")!.summary.replace(/\. If sign-in fails, try once with it off$/, "")}. Some VPNs block or reroute Apple's sign-in. Fix: disconnect it for one sign-in attempt.`,
      evidenceOf(f.get("vpn")),
      ["open-vpn-settings"],
    );
  },
];

export function diagnose(findings: readonly Finding[]): Cause[] {
  const byId = new Map(findings.map((f) => [f.probe, f]));
  const facts: Facts = {
    get: (id) => byId.get(id),
    is: (id, ...statuses) => statuses.includes(byId.get(id)?.status ?? ("missing" as never)),
    data: <T>(id: ProbeId, key: string) => byId.get(id)?.data?.[key] as T | undefined,
  };
  const found = RULES.map((rule) => rule(facts)).filter((c): c is Cause => !!c);
  const explained = new Set(found.filter((c) => c.confidence !== "low").flatMap((c) => EXPLAINS[c.cause] ?? []));
  if (found.some((c) => c.cause === "hosts-file" && c.confidence !== "low") && hostsFileCoversFailures(facts)) {
    explained.add("dns").add("blocked");
  }
  const ranked = found
    .filter((c) => !explained.has(c.cause))
    .map((c, order) => ({ c, order }))
    .sort((a, b) => RANK[a.c.confidence] - RANK[b.c.confidence] || a.order - b.order)
    .map(({ c }) => c);

  const serious = ranked.filter((c) => c.confidence !== "low");
  const failures = findings.filter((f) => f.status === "fail");
  const unfinished = findings.filter((f) => f.status === "error" && SIGN_IN_PROBES.includes(f.probe));
  const checked = findings.filter((f) => f.status === "pass" || f.status === "warn" || f.status === "fail");
  if (checked.length === 0) return [nothingChecked(findings)];
  if (serious.length) return ranked;
  if (failures.length && ranked.length) return ranked;
  if (failures.length) {
    const list = failures.map((f) => f.title).join(", ");
    return [
      cause(
        "none",
        "low",
        `No known cause matches what failed (${list}); the report's evidence will help support.`,
        failures.flatMap(evidenceOf),
        ["contact-apple-support"],
      ),
    ];
  }
  // Not failing is not the same as fine: what couldn't finish comes first, then the leads.
  if (unfinished.length) return [notFullyChecked(unfinished), ...ranked];
  if (ranked.length) return ranked;
  const warned = findings.filter((f) => f.status === "warn" && SIGN_IN_PROBES.includes(f.probe));
  if (warned.length) return [unexplainedWarnings(warned)];
  const skipped = findings.filter((f) => f.status === "skip" && SIGN_IN_PROBES.includes(f.probe));
  return [noneCause(checked.length, skipped)];
}

/** Probes whose result bears on signing in; the rest (firewall, macOS facts) inform, they don't clear. */
const SIGN_IN_PROBES: readonly ProbeId[] = [
  "apple-status",
  "apple-hosts",
  "push",
  "internet",
  "captive-portal",
  "dns",
  "tls-inspection",
  "clock",
];

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A public resolver that answered for the sign-in hosts, if any did. */
function workingResolver(f: Facts): string | undefined {
  const hosts = f.data<{ lookups: { server: string; addresses?: string[] }[] }[]>("dns", "hosts") ?? [];
  return hosts.flatMap((h) => h.lookups).find((l) => l.server !== "system" && l.addresses?.length)?.server;
}

/** What to do about a wrong clock, given how it was measured and what the settings say. */
function clockAdvice(f: Facts): string {
  const autoOn = f.data<boolean>("time-settings", "timedRunning") === true;
  if (f.data<boolean>("clock", "ntpBlocked")) {
    const at = f.data<string>("clock", "serverTime");
    const time = at ? ` (Apple's time was ${at.slice(11, 19)} UTC on ${at.slice(0, 10)}, ±1 s)` : "";
    return `This network blocks the time service (NTP, UDP port 123), so Sync Clock and automatic time can't reach a time server here. Fix: set the date and time by hand in Date & Time settings${time}, or sync on another network.`;
  }
  return autoOn
    ? "Automatic time is on but hasn't corrected it. Fix: Sync Clock now."
    : "Fix: Sync Clock, and turn on “Set time and date automatically”.";
}
