import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/core/diagnose";
import type { FixId, ProbeId } from "../../src/core/ids";
import { allowAdvice, type ActiveFilter } from "../../src/core/parse/systemextensions";
import type { Finding } from "../../src/core/types";
import { finding, line, passingRun } from "../support/findings";

// Each rule of diagnose() firing and not firing, at its thresholds, with every
// confidence it can give (issue 19). Every other sign-in check passes unless a
// case says otherwise. What a front end relies on is asserted: which causes
// come out and in what order, their confidence, fixes and evidence; not the
// sentences (wording has its own tests).

interface Case {
  name: string;
  given: Finding[];
  /** "cause/confidence" in rank order. */
  want: string[];
  /** The first cause's fixes and evidence, when the case pins them. */
  fixes?: FixId[];
  evidence?: string[];
  /** A sign-in check left out of the run entirely. */
  without?: ProbeId;
}

const outage = [{ service: "Apple Account", type: "Outage" }];
const appleHostsFail = (data: Record<string, unknown> = {}) => finding("apple-hosts", "fail", data);
const dnsFail = (verdict: string, data: Record<string, unknown> = {}) =>
  finding("dns", "fail", { verdict, hostsAffected: ["gsa.apple.com"], ...data });
const clock = (status: "pass" | "warn" | "fail", data: Record<string, unknown> = { offsetMs: 540_000 }) =>
  finding("clock", status, data, { summary: "Clock is 9 min behind captive.apple.com" });
const certClockErrors = (n: number) =>
  finding("tls-inspection", "warn", {
    clockErrors: ["gsa.apple.com", "idmsa.apple.com", "appleid.apple.com"]
      .slice(0, n)
      .map((host) => ({ host, error: "CERT_HAS_EXPIRED" })),
  });
const littleSnitch: ActiveFilter = { product: "Little Snitch", kind: "firewall", bundleId: "at.obdev.littlesnitch" };
const zscaler: ActiveFilter = { product: "Zscaler", kind: "gateway", bundleId: "com.zscaler.zscaler" };
const filterOn = (...active: ActiveFilter[]) => finding("network-filter", "warn", { active });

function table(cases: Case[]) {
  it.each(cases)("$name", ({ given, want, fixes, evidence, without }) => {
    const causes = diagnose(passingRun(...given).filter((f) => f.probe !== without));
    expect(causes.map((c) => `${c.cause}/${c.confidence}`)).toEqual(want);
    if (fixes) expect(causes[0].fixes).toEqual(fixes);
    if (evidence) expect(causes[0].evidence).toEqual(evidence);
  });
}

describe("apple-outage", () => {
  table([
    {
      name: "an outage (fail): high, evidence is the status and its first three details",
      given: [finding("apple-status", "fail", { issues: outage }, { details: ["d1", "d2", "d3", "d4"] })],
      want: ["apple-outage/high"],
      fixes: ["open-status-page"],
      evidence: [line("apple-status", "fail"), "d1", "d2", "d3"],
    },
    {
      name: "maintenance (warn): medium",
      given: [finding("apple-status", "warn", { issues: outage })],
      want: ["apple-outage/medium"],
    },
    { name: "fail without issues: no outage", given: [finding("apple-status", "fail")], want: ["none/low"] },
    { name: "warn without issues: no outage", given: [finding("apple-status", "warn")], want: ["none/low"] },
    {
      name: "pass with issues elsewhere: no outage",
      given: [finding("apple-status", "pass", { issues: outage })],
      want: ["none/high"],
    },
  ]);
});

describe("offline and captive-portal", () => {
  table([
    {
      name: "internet fails: offline, high",
      given: [finding("internet", "fail")],
      want: ["offline/high"],
      fixes: ["open-network-settings"],
      evidence: [line("internet", "fail")],
    },
    { name: "internet warns: not offline", given: [finding("internet", "warn")], want: ["none/low"] },
    {
      name: "login page: captive-portal, high",
      given: [finding("captive-portal", "fail")],
      want: ["captive-portal/high"],
      fixes: ["open-network-settings"],
      evidence: [line("captive-portal", "fail")],
    },
    { name: "captive portal warns: no cause", given: [finding("captive-portal", "warn")], want: ["none/low"] },
  ]);
});

describe("hosts-file", () => {
  const hosts = (status: "fail" | "warn" | "pass", data: Record<string, unknown>, details: string[] = []) =>
    finding("hosts-file", status, data, { details });
  const unreachable = (...names: string[]) =>
    appleHostsFail({ hosts: names.map((host) => ({ host, reachable: false })) });
  table([
    {
      name: "a blocked sign-in host: high, evidence with the first five lines",
      given: [hosts("fail", { blockedHosts: ["gsa.apple.com"] }, ["l1", "l2", "l3", "l4", "l5", "l6"])],
      want: ["hosts-file/high"],
      fixes: ["flush-dns"],
      evidence: [line("hosts-file", "fail"), "l1", "l2", "l3", "l4", "l5"],
    },
    {
      name: "a pinned host that is unreachable: medium (and the unreachable host is its symptom)",
      given: [hosts("warn", { pinnedHosts: ["gsa.apple.com"] }), unreachable("gsa.apple.com")],
      want: ["hosts-file/medium"],
    },
    {
      name: "a pinned host that connects: low",
      given: [hosts("warn", { pinnedHosts: ["gsa.apple.com"] })],
      want: ["hosts-file/low"],
    },
    {
      name: "a pinned host while another host is unreachable: low, and blocked stays",
      given: [hosts("warn", { pinnedHosts: ["gsa.apple.com"] }), unreachable("idmsa.apple.com")],
      want: ["blocked/high", "hosts-file/low"],
    },
    {
      name: "an unreachable host the file doesn't pin doesn't raise it",
      given: [
        hosts("warn", { pinnedHosts: ["gsa.apple.com"] }),
        appleHostsFail({
          hosts: [
            { host: "gsa.apple.com", reachable: true },
            { host: "idmsa.apple.com", reachable: false },
          ],
        }),
      ],
      want: ["blocked/high", "hosts-file/low"],
    },
    {
      name: "only a parent domain (no sign-in host caught): no cause",
      given: [hosts("fail", { blockedHosts: [], pinnedHosts: [] })],
      want: ["none/low"],
    },
    {
      name: "no pinned hosts reported at all: no cause",
      given: [hosts("fail", { blockedHosts: [] })],
      want: ["none/low"],
    },
    {
      name: "a passing hosts file: no cause",
      given: [hosts("pass", { blockedHosts: ["gsa.apple.com"] })],
      want: ["none/high"],
    },
  ]);

  it("names the sign-in lines to delete, not the others", () => {
    const lines = (...ls: { line: number; kind: string }[]) =>
      diagnose(passingRun(hosts("fail", { blockedHosts: ["gsa.apple.com"], lines: ls })))[0].summary;
    expect(lines({ line: 3, kind: "sign-in" }, { line: 4, kind: "other" })).toMatch(/delete line 3 /);
    expect(lines({ line: 3, kind: "sign-in" }, { line: 7, kind: "sign-in" })).toMatch(/delete lines 3, 7 /);
  });
});

describe("restricted", () => {
  table([
    {
      name: "a profile forbids account changes: high, no fix to run",
      given: [finding("restrictions", "fail", { restricted: true })],
      want: ["restricted/high"],
      fixes: [],
      evidence: [line("restrictions", "fail")],
    },
    {
      name: "fail without the flag: no cause",
      given: [finding("restrictions", "fail", { restricted: false })],
      want: ["none/low"],
    },
    {
      name: "the flag on a warning: no cause",
      given: [finding("restrictions", "warn", { restricted: true })],
      want: ["none/high"],
    },
  ]);
});

describe("clock-skew", () => {
  table([
    {
      name: "a measured clock that fails: high",
      given: [clock("fail")],
      want: ["clock-skew/high"],
      fixes: ["sync-clock", "open-date-time-settings"],
      evidence: ["Clock is 9 min behind captive.apple.com"],
    },
    { name: "a measured clock that warns: low", given: [clock("warn")], want: ["clock-skew/low"] },
    { name: "a warning that wasn't measured: no clock cause", given: [clock("warn", {})], want: ["none/low"] },
    { name: "a failure that wasn't measured: no clock cause", given: [clock("fail", {})], want: ["none/low"] },
    { name: "a measured clock that passes: no cause", given: [clock("pass")], want: ["none/high"] },
    { name: "one certificate error alone: no clock cause", given: [certClockErrors(1)], want: ["none/low"] },
    {
      name: "two certificate errors, the clock passing unmeasured: medium, evidence names them",
      given: [certClockErrors(2)],
      want: ["clock-skew/medium"],
      evidence: [line("clock", "pass"), "gsa.apple.com: CERT_HAS_EXPIRED", "idmsa.apple.com: CERT_HAS_EXPIRED"],
    },
    {
      // A clock measured right is not what makes the certificates fail: no Sync Clock advice.
      name: "certificate errors while the clock measured right: not the clock",
      given: [certClockErrors(2), clock("pass", { offsetMs: 800 })],
      want: ["none/low"],
    },
    {
      name: "a foreign issuer with expired certificates while the clock measured right: interception, not the clock",
      given: [finding("tls-inspection", "fail", certClockErrors(2).data), clock("pass", { offsetMs: 800 })],
      want: ["tls-inspection/high"],
    },
    {
      name: "two certificate errors, the clock skipped: medium",
      given: [certClockErrors(3), finding("clock", "skip")],
      want: ["clock-skew/medium"],
    },
    {
      name: "two certificate errors and no clock check at all: medium",
      given: [certClockErrors(2), finding("network-filter", "pass")],
      want: ["clock-skew/medium"],
      without: "clock",
    },
    {
      name: "certificates and a clock that warns: high",
      given: [certClockErrors(2), clock("warn")],
      want: ["clock-skew/high"],
    },
    {
      name: "certificates and a clock that fails: high",
      given: [certClockErrors(2), clock("fail")],
      want: ["clock-skew/high"],
    },
    {
      name: "NTP blocked: no Sync Clock",
      given: [clock("fail", { offsetMs: 540_000, ntpBlocked: true })],
      want: ["clock-skew/high"],
      fixes: ["open-date-time-settings"],
    },
  ]);

  it("names the clock's measurement when it was measured, the certificates when it wasn't", () => {
    expect(diagnose(passingRun(clock("fail")))[0].summary).toMatch(/^Your clock is 9 min behind captive\.apple\.com\./);
    expect(diagnose(passingRun(certClockErrors(2), clock("pass")))[0].summary).not.toMatch(/Your clock/);
  });
  it("gives Apple's time only when it is known", () => {
    const blocked = (data: Record<string, unknown>) =>
      diagnose(passingRun(clock("fail", { offsetMs: 540_000, ntpBlocked: true, ...data })))[0].summary;
    expect(blocked({ serverTime: "2026-12-01T22:00:50.000Z" })).toMatch(/22:00:50 UTC on 2026-12-01/);
    expect(blocked({})).not.toMatch(/Apple's time was/);
  });
});

describe("tls-inspection", () => {
  const tls = finding("tls-inspection", "fail");
  table([
    {
      name: "a foreign issuer: high",
      given: [tls],
      want: ["tls-inspection/high"],
      fixes: ["open-network-settings"],
      evidence: [line("tls-inspection", "fail")],
    },
    {
      name: "behind a proxy: the proxy's evidence too, Network Settings",
      given: [tls, finding("proxy", "warn")],
      want: ["tls-inspection/high", "proxy/low"],
      fixes: ["open-network-settings"],
      evidence: [line("tls-inspection", "fail"), line("proxy", "warn")],
    },
    {
      name: "behind a VPN: the VPN's evidence too, VPN settings",
      given: [tls, finding("vpn", "warn")],
      want: ["tls-inspection/high", "vpn/low"],
      fixes: ["open-vpn-settings"],
      evidence: [line("tls-inspection", "fail"), line("vpn", "warn")],
    },
    {
      name: "both: the proxy comes first",
      given: [tls, finding("proxy", "warn"), finding("vpn", "warn")],
      want: ["tls-inspection/high", "proxy/low", "vpn/low"],
      fixes: ["open-network-settings"],
      evidence: [line("tls-inspection", "fail"), line("proxy", "warn"), line("vpn", "warn")],
    },
    { name: "a warning: no interception", given: [finding("tls-inspection", "warn")], want: ["none/low"] },
  ]);

  it("names the proxy or the VPN it goes through", () => {
    const via = (...more: Finding[]) => diagnose(passingRun(tls, ...more))[0].summary;
    expect(via(finding("proxy", "warn"))).toMatch(/the proxy intercepts/);
    expect(via(finding("vpn", "warn"))).toMatch(/the VPN intercepts/);
  });
});

describe("dns", () => {
  table([
    {
      name: "this Mac's DNS fails, public works: high",
      given: [dnsFail("system-fails")],
      want: ["dns/high"],
      fixes: ["flush-dns", "open-network-settings"],
      evidence: [line("dns", "fail")],
    },
    { name: "no server answers, internet works: high", given: [dnsFail("none-answer")], want: ["dns/high"] },
    {
      name: "no server answers, internet warns: high",
      given: [dnsFail("none-answer"), finding("internet", "warn")],
      want: ["dns/high"],
    },
    {
      name: "no server answers, internet unknown: medium",
      given: [dnsFail("none-answer"), finding("internet", "skip")],
      want: ["dns/medium"],
    },
    {
      name: "this Mac's DNS fails, internet unknown: still high",
      given: [dnsFail("system-fails"), finding("internet", "skip")],
      want: ["dns/high"],
    },
    { name: "a sinkhole is blocking, not DNS", given: [dnsFail("sinkhole")], want: ["blocked/high"] },
    {
      name: "names that failed when connecting: medium, from the sign-in servers",
      given: [appleHostsFail({ cause: "dns" })],
      want: ["dns/medium"],
      fixes: ["flush-dns", "open-network-settings"],
      evidence: [line("apple-hosts", "fail")],
    },
    {
      name: "both: the DNS finding's evidence, high",
      given: [dnsFail("system-fails"), appleHostsFail({ cause: "dns" })],
      want: ["dns/high"],
      evidence: [line("dns", "fail")],
    },
    { name: "a DNS warning: no cause", given: [finding("dns", "warn")], want: ["none/low"] },
  ]);

  const lookups = (...ls: { server: string; addresses?: string[]; error?: string }[]) =>
    diagnose(passingRun(dnsFail("none-answer", { hosts: [{ name: "gsa.apple.com", lookups: ls }] })))[0].summary;
  it("suggests only a public resolver that answered with addresses", () => {
    expect(
      lookups({ server: "system", addresses: ["17.32.194.98"] }, { server: "8.8.8.8", error: "ENOTFOUND" }),
    ).not.toMatch(/such as/);
    expect(lookups({ server: "1.1.1.1", addresses: [] }, { server: "8.8.8.8", addresses: ["17.32.194.98"] })).toMatch(
      /such as 8\.8\.8\.8\)/,
    );
  });
  it("names the filter this Mac asks first, only when this Mac's DNS is what fails", () => {
    const filter = { server: "45.90.28.0", what: "NextDNS" };
    const summary = (verdict: string, f: object) => diagnose(passingRun(dnsFail(verdict, { filter: f })))[0].summary;
    expect(summary("system-fails", filter)).toMatch(/This Mac asks NextDNS first/);
    expect(summary("system-fails", { server: "45.90.28.0" })).toMatch(/This Mac asks 45\.90\.28\.0 first/);
    expect(summary("none-answer", filter)).not.toMatch(/NextDNS/);
  });
});

describe("blocked", () => {
  table([
    {
      name: "sign-in servers unreachable, internet works: high, both in evidence",
      given: [appleHostsFail()],
      want: ["blocked/high"],
      fixes: ["open-network-settings"],
      evidence: [line("apple-hosts", "fail"), line("internet", "pass")],
    },
    {
      name: "unreachable, internet warns: medium",
      given: [appleHostsFail(), finding("internet", "warn")],
      want: ["blocked/medium"],
    },
    {
      name: "a DNS sinkhole: high even when the internet warns, from the DNS finding",
      given: [dnsFail("sinkhole"), finding("internet", "warn")],
      want: ["blocked/high"],
      evidence: [line("dns", "fail"), line("internet", "warn")],
    },
    { name: "servers that warn: no cause", given: [finding("apple-hosts", "warn")], want: ["none/low"] },
  ]);

  const sinkhole = (data: Record<string, unknown>) => diagnose(passingRun(dnsFail("sinkhole", data)))[0].summary;
  it("names the DNS filter by name, else by address", () => {
    expect(sinkhole({ filter: { server: "192.168.1.2", what: "Pi-hole" } })).toMatch(/DNS server is Pi-hole/);
    expect(sinkhole({ filter: { server: "192.168.1.2" } })).toMatch(/DNS server is 192\.168\.1\.2/);
  });
  it("lists every blocked name to allow, and which are common false positives", () => {
    const s = sinkhole({ hostsAffected: ["gsa.apple.com", "setup.icloud.com", "gateway.icloud.com"] });
    expect(s).toMatch(/allow gsa\.apple\.com, setup\.icloud\.com and gateway\.icloud\.com in that filter/);
    expect(s).toMatch(/\(setup\.icloud\.com and gateway\.icloud\.com are common false positives/);
    expect(sinkhole({ hostsAffected: ["setup.icloud.com"] })).toMatch(
      /allow setup\.icloud\.com in that filter \(setup/,
    );
    expect(sinkhole({ hostsAffected: ["gsa.apple.com"] })).toMatch(/allow gsa\.apple\.com in that filter, or/);
  });
  it("unreachable by connection: ports to allow, no filter named", () => {
    expect(diagnose(passingRun(appleHostsFail()))[0].summary).toMatch(/port 443 \(and 5223\)/);
  });
});

describe("push-blocked and signed-out", () => {
  table([
    {
      name: "push ports blocked: medium",
      given: [finding("push", "fail")],
      want: ["push-blocked/medium"],
      fixes: ["open-network-settings"],
      evidence: [line("push", "fail")],
    },
    {
      name: "push failed by name: not a port block",
      given: [finding("push", "fail", { cause: "dns" })],
      want: ["none/low"],
    },
    {
      name: "5223 blocked, 443 works (warn): low",
      given: [finding("push", "warn")],
      want: ["push-blocked/low"],
      fixes: ["open-network-settings"],
      evidence: [line("push", "warn")],
    },
    {
      name: "no account signed in: medium",
      given: [finding("account", "warn", { signedIn: false })],
      want: ["signed-out/medium"],
      fixes: ["open-apple-account-settings"],
      evidence: [line("account", "warn")],
    },
    {
      name: "an account signed in: nothing",
      given: [finding("account", "pass", { signedIn: true })],
      want: ["none/high"],
    },
    { name: "account unknown: nothing", given: [finding("account", "skip")], want: ["none/high"] },
  ]);
});

describe("proxy and vpn: their confidence follows what fails", () => {
  for (const id of ["proxy", "vpn"] as const) {
    const on = finding(id, "warn");
    table([
      {
        name: `${id} on, nothing fails: low`,
        given: [on],
        want: [`${id}/low`],
        fixes: [id === "proxy" ? "open-network-settings" : "open-vpn-settings"],
        evidence: [line(id, "warn")],
      },
      { name: `${id} on, sign-in servers fail: high`, given: [on, appleHostsFail()], want: [`${id}/high`] },
      { name: `${id} on, push fails: high`, given: [on, finding("push", "fail")], want: [`${id}/high`] },
      { name: `${id} on, DNS fails: medium`, given: [on, dnsFail("system-fails")], want: ["dns/high", `${id}/medium`] },
      { name: `${id} on, push warns: medium`, given: [on, finding("push", "warn")], want: [`${id}/medium`] },
      { name: `${id} off: nothing`, given: [finding(id, "pass")], want: ["none/high"] },
    ]);
  }
  table([
    {
      name: "vpn on, DNS warns: medium",
      given: [finding("vpn", "warn"), finding("dns", "warn")],
      want: ["vpn/medium"],
    },
    {
      name: "proxy on, DNS warns: still low",
      given: [finding("proxy", "warn"), finding("dns", "warn")],
      want: ["proxy/low"],
    },
  ]);
});

describe("network-filter", () => {
  table([
    {
      name: "a filter on, nothing fails: low, no fix to run",
      given: [filterOn(littleSnitch)],
      want: ["network-filter/low"],
      fixes: [],
      evidence: [line("network-filter", "warn")],
    },
    {
      name: "sign-in servers unreachable while the internet works: high, with both in evidence",
      given: [filterOn(littleSnitch), appleHostsFail()],
      want: ["network-filter/high"],
      evidence: [line("network-filter", "warn"), line("apple-hosts", "fail"), line("internet", "pass")],
    },
    {
      name: "push unreachable while the internet works: high",
      given: [filterOn(littleSnitch), finding("push", "fail")],
      want: ["network-filter/high"],
    },
    {
      name: "unreachable while the internet warns: low, blocked stays",
      given: [filterOn(littleSnitch), appleHostsFail(), finding("internet", "warn")],
      want: ["blocked/medium", "network-filter/low"],
    },
    {
      name: "sign-in names that didn't resolve: a DNS problem, the filter stays a lead",
      given: [filterOn(littleSnitch), appleHostsFail({ cause: "dns" })],
      want: ["dns/medium", "network-filter/low"],
    },
    {
      name: "push names that didn't resolve: the filter stays a lead",
      given: [filterOn(littleSnitch), finding("push", "fail", { cause: "dns" })],
      want: ["network-filter/low"],
    },
    { name: "a warning with no active filter: nothing", given: [filterOn()], want: ["none/high"] },
    { name: "a warning with no filter list: nothing", given: [finding("network-filter", "warn")], want: ["none/high"] },
    {
      name: "a filter that passes: nothing",
      given: [finding("network-filter", "pass", { active: [littleSnitch] })],
      want: ["none/high"],
    },
  ]);

  it("names every active filter and what to allow in each", () => {
    const [c] = diagnose(passingRun(filterOn(littleSnitch, zscaler), appleHostsFail()));
    expect(c.summary).toMatch(/^Little Snitch and Zscaler are active/);
    expect(c.summary).toContain(`${allowAdvice(littleSnitch)}; or ${allowAdvice(zscaler)}`);
  });
});
