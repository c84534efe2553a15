import { describe, expect, it } from "vitest";
import { blockerSentence, measuredFailures } from "../../src/core/report-it";
import type { Cause, Finding, Status } from "../../src/core/types";

// The "For IT" lines one by one, on hand-made findings: which check's status
// puts a line in "Failed from this Mac" and which does not. test/core/report-it.test.ts
// runs the same section end to end on recorded scenarios.

const f = (probe: Finding["probe"], status: Status, summary = `${probe} said so`, data?: Finding["data"]): Finding => ({
  probe,
  status,
  title: `${probe} title`,
  summary,
  details: [],
  fixes: [],
  durationMs: 1,
  ...(data ? { data } : {}),
});

describe("measuredFailures", () => {
  it.each<[string, Finding, string[]]>([
    [
      "a failed hosts file",
      f("hosts-file", "fail", "gsa.apple.com to 0.0.0.0"),
      ["/etc/hosts on this Mac: gsa.apple.com to 0.0.0.0"],
    ],
    ["a hosts file warning", f("hosts-file", "warn", "odd line"), ["/etc/hosts on this Mac: odd line"]],
    ["a passing hosts file", f("hosts-file", "pass"), []],
    ["failed DNS", f("dns", "fail", "no answers"), ["DNS: no answers"]],
    ["a DNS warning", f("dns", "warn", "slow"), ["DNS: slow"]],
    ["skipped DNS", f("dns", "skip"), []],
    ["failed push", f("push", "fail", "5223 closed"), ["Push: 5223 closed"]],
    ["a push warning", f("push", "warn", "443 only"), ["Push: 443 only"]],
    ["passing push", f("push", "pass"), []],
    ["failed certificates", f("tls-inspection", "fail", "issuer Zscaler"), ["Certificates: issuer Zscaler"]],
    ["a certificate warning (not measured as failed)", f("tls-inspection", "warn"), []],
    ["blocked NTP", f("clock", "pass", "ok", { ntpBlocked: true }), ["Time: UDP 123 to time.apple.com got no answer"]],
    ["NTP answering", f("clock", "fail", "9 minutes off", { ntpBlocked: false }), []],
    ["a proxy warning", f("proxy", "warn", "proxy on"), ["proxy title: proxy on"]],
    ["a failed proxy check (not a measurement)", f("proxy", "fail"), []],
    ["a VPN warning", f("vpn", "warn", "VPN connected"), ["vpn title: VPN connected"]],
    ["a passing VPN check", f("vpn", "pass"), []],
  ])("%s", (_name, finding, lines) => {
    expect(measuredFailures([finding])).toEqual(lines);
  });

  it("each failed handshake with how, except those that reached the host or were not recorded", () => {
    const shakes = f("apple-hosts", "fail", "x", {
      hosts: [
        { host: "gsa.apple.com", reachable: false, error: "ETIMEDOUT" },
        { host: "idmsa.apple.com", reachable: false, error: "ENOTFOUND" },
        { host: "setup.icloud.com", reachable: true },
        { host: "appleid.apple.com", reachable: false, error: "ENOTRECORDED" },
        { host: "account.apple.com", reachable: false },
      ],
    });
    expect(measuredFailures([shakes])).toEqual([
      "gsa.apple.com TCP 443 (TLS handshake): timed out",
      "idmsa.apple.com TCP 443 (TLS handshake): couldn't look up idmsa.apple.com: name not found",
    ]);
  });

  it("DNS blocks all explained by /etc/hosts are said to be answered from it, before any DNS server", () => {
    const hosts = f("hosts-file", "fail", "two lines", { blockedHosts: ["gsa.apple.com", "idmsa.apple.com"] });
    const dns = f("dns", "fail", "blocked", { hostsAffected: ["gsa.apple.com", "idmsa.apple.com"] });
    expect(measuredFailures([hosts, dns])).toEqual([
      "/etc/hosts on this Mac: two lines",
      "DNS: gsa.apple.com, idmsa.apple.com answered from /etc/hosts, before any DNS server",
    ]);
  });

  it.each<[string, Finding, Finding]>([
    [
      "one DNS block the hosts file doesn't explain",
      f("hosts-file", "fail", "one line", { blockedHosts: ["gsa.apple.com"] }),
      f("dns", "fail", "blocked", { hostsAffected: ["gsa.apple.com", "idmsa.apple.com"] }),
    ],
    [
      "a hosts file that only warns",
      f("hosts-file", "warn", "one line", { blockedHosts: ["gsa.apple.com"] }),
      f("dns", "fail", "blocked", { hostsAffected: ["gsa.apple.com"] }),
    ],
    [
      "a DNS failure naming no host",
      f("hosts-file", "fail", "one line", { blockedHosts: ["gsa.apple.com"] }),
      f("dns", "fail", "blocked", { hostsAffected: [] }),
    ],
  ])("otherwise DNS keeps its own summary: %s", (_name, hosts, dns) => {
    expect(measuredFailures([hosts, dns]).at(-1)).toBe("DNS: blocked");
  });

  it.each<[string, string]>([
    ["one file", "/etc/resolver/apple.com sends apple.com to 10.0.0.53, so this Mac asks that server"],
    ["two files", "2 files in /etc/resolver send apple.com to 10.0.0.53 and icloud.com to 10.0.0.53"],
    ["a dozen files", "12 files in /etc/resolver send gsa.apple.com to 10.0.0.53 and 11 more"],
  ])("a resolver file's warning is named /etc/resolver, not /etc/hosts: %s", (_name, summary) => {
    expect(measuredFailures([f("hosts-file", "warn", summary)])).toEqual([`/etc/resolver on this Mac: ${summary}`]);
  });

  it("DNS blocks all sent to an /etc/resolver server are said to be asked of it, not the network's", () => {
    const hosts = f("hosts-file", "warn", "2 files in /etc/resolver send …", {
      resolverHosts: ["gsa.apple.com", "idmsa.apple.com"],
    });
    const dns = f("dns", "fail", "blocked", { hostsAffected: ["idmsa.apple.com", "gsa.apple.com"] });
    expect(measuredFailures([hosts, dns]).at(-1)).toBe(
      "DNS: idmsa.apple.com, gsa.apple.com asked of the server in /etc/resolver, not the network's",
    );
  });

  it.each<[string, Finding, Finding, string]>([
    [
      "a name public DNS can't find either is no /etc/hosts doing",
      f("hosts-file", "fail", "one line", { blockedHosts: ["gsa.apple.com"] }),
      f("dns", "warn", "gsa.apple.com didn't resolve anywhere", { hostsAffected: ["gsa.apple.com"] }),
      "DNS: gsa.apple.com didn't resolve anywhere",
    ],
    [
      "a name public DNS can't find either is no /etc/resolver doing",
      f("hosts-file", "warn", "/etc/resolver/apple.com sends …", { resolverHosts: ["gsa.apple.com"] }),
      f("dns", "warn", "gsa.apple.com didn't resolve anywhere", { hostsAffected: ["gsa.apple.com"] }),
      "DNS: gsa.apple.com didn't resolve anywhere",
    ],
    [
      "one DNS block the resolver file doesn't explain",
      f("hosts-file", "warn", "/etc/resolver/icloud.com sends …", { resolverHosts: ["setup.icloud.com"] }),
      f("dns", "fail", "blocked", { hostsAffected: ["setup.icloud.com", "gsa.apple.com"] }),
      "DNS: blocked",
    ],
  ])("DNS keeps its own summary when: %s", (_name, hosts, dns, line) => {
    expect(measuredFailures([hosts, dns]).at(-1)).toBe(line);
  });

  it("a sign-in or clock check that crashed (no data) adds no line", () => {
    const crashed = (probe: Finding["probe"]) => f(probe, "error", "The check itself failed: boom");
    expect(measuredFailures([crashed("apple-hosts"), crashed("clock")])).toEqual([]);
  });

  it("lines come in the order of Apple's list: hosts, DNS, handshakes, push, certificates, time, proxy, VPN", () => {
    const all = [
      f("vpn", "warn", "v"),
      f("proxy", "warn", "p"),
      f("clock", "pass", "c", { ntpBlocked: true }),
      f("tls-inspection", "fail", "t"),
      f("push", "fail", "u"),
      f("apple-hosts", "fail", "a", { hosts: [{ host: "gsa.apple.com", reachable: false, error: "ECONNRESET" }] }),
      f("dns", "warn", "d"),
      f("hosts-file", "warn", "h"),
    ];
    expect(measuredFailures(all).map((l) => l.split(/[: ]/)[0])).toEqual([
      "/etc/hosts",
      "DNS",
      "gsa.apple.com",
      "Push",
      "Certificates",
      "Time",
      "proxy",
      "vpn",
    ]);
  });

  it("nothing measured, nothing failed", () => {
    expect(measuredFailures([])).toEqual([]);
  });
});

describe("blockerSentence", () => {
  const c = (cause: Cause["cause"], summary: string, title?: string): Cause => ({
    cause,
    confidence: "high",
    summary,
    evidence: [],
    fixes: [],
    ...(title ? { title } : {}),
  });

  it.each<[string, Cause[], string | undefined]>([
    ["no causes", [], undefined],
    ["only 'No Problems Found'", [c("none", "Nothing found.")], undefined],
    [
      "the first real cause, past 'none'",
      [c("none", "x."), c("proxy", "A proxy is on. It sends…"), c("vpn", "VPN.")],
      "Proxy In Use: A proxy is on.",
    ],
    ["a summary of one sentence without a stop", [c("vpn", "VPN connected: corp")], "VPN In Use: VPN connected: corp"],
    ["a stop that ends the text", [c("dns", "DNS fails.")], "DNS Problem: DNS fails."],
    [
      "a dot inside a name is no sentence end",
      [c("dns", "gsa.apple.com fails. More.")],
      "DNS Problem: gsa.apple.com fails.",
    ],
    ["a summary that starts with a stop", [c("dns", ". odd")], "DNS Problem: . odd"],
    [
      "its own title",
      [c("none", "x."), c("dns", "Two checks failed. Then.", "Not Fully Checked")],
      "Not Fully Checked: Two checks failed.",
    ],
  ])("%s", (_name, causes, sentence) => {
    expect(blockerSentence(causes)).toBe(sentence);
  });
});
