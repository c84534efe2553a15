import { describe, expect, it } from "vitest";
import type { ActiveFilter } from "../../src/core/parse/systemextensions";
import type { Finding } from "../../src/core/types";
import { finding, passingRun, ranked } from "../support/findings";

// How diagnose() combines the causes its rules find (issue 19): a cause that
// explains another silences it (every EXPLAINS row, with both causes present),
// a low-confidence cause silences nothing, and what is left ranks by
// confidence, rule order breaking ties.

const appleHostsFail = (data: Record<string, unknown> = {}) => finding("apple-hosts", "fail", data);
const dnsFail = (verdict: string, hostsAffected = ["gsa.apple.com"]) =>
  finding("dns", "fail", { verdict, hostsAffected });
const offline = finding("internet", "fail");
const captive = finding("captive-portal", "fail");
const clockFail = finding("clock", "fail", { offsetMs: 540_000 });
const tls = finding("tls-inspection", "fail");
const pushFail = finding("push", "fail");
const littleSnitch: ActiveFilter = { product: "Little Snitch", kind: "firewall", bundleId: "at.obdev.littlesnitch" };
const filterOn = finding("network-filter", "warn", { active: [littleSnitch] });

interface Row {
  name: string;
  given: Finding[];
  want: string[];
}
const rows = (cases: Row[]) =>
  it.each(cases)("$name", ({ given, want }) => expect(ranked(passingRun(...given))).toEqual(want));

describe("each cause that explains others silences them, with both present", () => {
  rows([
    // offline
    { name: "offline explains dns", given: [offline, dnsFail("none-answer")], want: ["offline/high"] },
    { name: "offline explains blocked", given: [offline, appleHostsFail()], want: ["offline/high"] },
    { name: "offline explains push-blocked", given: [offline, pushFail], want: ["offline/high"] },
    { name: "offline explains captive-portal", given: [offline, captive], want: ["offline/high"] },
    { name: "offline explains tls-inspection", given: [offline, tls], want: ["offline/high"] },
    { name: "offline explains proxy", given: [offline, finding("proxy", "warn")], want: ["offline/high"] },
    { name: "offline explains vpn", given: [offline, finding("vpn", "warn")], want: ["offline/high"] },
    // captive-portal
    { name: "captive-portal explains dns", given: [captive, dnsFail("system-fails")], want: ["captive-portal/high"] },
    { name: "captive-portal explains blocked", given: [captive, appleHostsFail()], want: ["captive-portal/high"] },
    { name: "captive-portal explains push-blocked", given: [captive, pushFail], want: ["captive-portal/high"] },
    { name: "captive-portal explains tls-inspection", given: [captive, tls], want: ["captive-portal/high"] },
    // clock-skew
    { name: "clock-skew explains tls-inspection", given: [clockFail, tls], want: ["clock-skew/high"] },
    { name: "clock-skew explains blocked", given: [clockFail, appleHostsFail()], want: ["clock-skew/high"] },
    // dns, tls-inspection
    { name: "dns explains blocked", given: [dnsFail("system-fails"), appleHostsFail()], want: ["dns/high"] },
    { name: "tls-inspection explains blocked", given: [tls, appleHostsFail()], want: ["tls-inspection/high"] },
    // vpn, proxy, network-filter
    { name: "vpn explains blocked", given: [finding("vpn", "warn"), appleHostsFail()], want: ["vpn/high"] },
    { name: "vpn explains push-blocked", given: [finding("vpn", "warn"), pushFail], want: ["vpn/high"] },
    { name: "proxy explains blocked", given: [finding("proxy", "warn"), appleHostsFail()], want: ["proxy/high"] },
    { name: "proxy explains push-blocked", given: [finding("proxy", "warn"), pushFail], want: ["proxy/high"] },
    { name: "network-filter explains blocked", given: [filterOn, appleHostsFail()], want: ["network-filter/high"] },
    { name: "network-filter explains push-blocked", given: [filterOn, pushFail], want: ["network-filter/high"] },
  ]);
});

describe("what explains nothing", () => {
  rows([
    {
      name: "a low clock-skew leaves tls-inspection",
      given: [finding("clock", "warn", { offsetMs: 90_000 }), tls],
      want: ["tls-inspection/high", "clock-skew/low"],
    },
    {
      name: "a low network-filter leaves blocked",
      given: [filterOn, appleHostsFail(), finding("internet", "warn")],
      want: ["blocked/medium", "network-filter/low"],
    },
    {
      name: "a medium push-blocked (no row) leaves dns",
      given: [pushFail, dnsFail("system-fails")],
      want: ["dns/high", "push-blocked/medium"],
    },
    {
      name: "a medium dns leaves push-blocked",
      given: [appleHostsFail({ cause: "dns" }), pushFail],
      want: ["dns/medium", "push-blocked/medium"],
    },
    {
      name: "an outage explains nothing",
      given: [finding("apple-status", "fail", { issues: [{ type: "Outage" }] }), appleHostsFail()],
      want: ["apple-outage/high", "blocked/high"],
    },
  ]);
});

describe("a hosts file that accounts for the failures silences dns and blocked", () => {
  const blocks = (...hosts: string[]) => finding("hosts-file", "fail", { blockedHosts: hosts });
  const unreachable = (...hosts: string[]) =>
    appleHostsFail({ hosts: hosts.map((host) => ({ host, reachable: false })) });
  rows([
    {
      name: "every failed lookup is a blocked line: dns is its symptom",
      given: [blocks("gsa.apple.com"), dnsFail("system-fails")],
      want: ["hosts-file/high"],
    },
    {
      name: "a failed lookup it doesn't block: dns stays",
      given: [blocks("gsa.apple.com"), dnsFail("system-fails", ["gsa.apple.com", "idmsa.apple.com"])],
      want: ["hosts-file/high", "dns/high"],
    },
    {
      name: "every unreachable host is a blocked line: blocked is its symptom",
      given: [
        blocks("gsa.apple.com"),
        appleHostsFail({
          hosts: [
            { host: "gsa.apple.com", reachable: false },
            { host: "idmsa.apple.com", reachable: true },
          ],
        }),
      ],
      want: ["hosts-file/high"],
    },
    {
      name: "an unreachable host it doesn't block: blocked stays",
      given: [blocks("gsa.apple.com"), unreachable("gsa.apple.com", "idmsa.apple.com")],
      want: ["hosts-file/high", "blocked/high"],
    },
    {
      name: "a DNS warning's hosts are no failures to account for",
      given: [
        blocks("gsa.apple.com"),
        finding("dns", "warn", { hostsAffected: ["idmsa.apple.com"] }),
        unreachable("gsa.apple.com"),
      ],
      want: ["hosts-file/high"],
    },
    {
      name: "unreachable hosts of servers that didn't fail are no failures to account for",
      given: [
        blocks("gsa.apple.com"),
        dnsFail("system-fails"),
        finding("apple-hosts", "warn", { hosts: [{ host: "idmsa.apple.com", reachable: false }] }),
      ],
      want: ["hosts-file/high"],
    },
    {
      name: "a pinned host counts as caught",
      given: [finding("hosts-file", "warn", { pinnedHosts: ["gsa.apple.com"] }), unreachable("gsa.apple.com")],
      want: ["hosts-file/medium"],
    },
    {
      name: "a low hosts file silences nothing",
      given: [finding("hosts-file", "warn", { pinnedHosts: ["gsa.apple.com"] }), dnsFail("system-fails")],
      want: ["dns/high", "hosts-file/low"],
    },
  ]);
});

describe("ranking", () => {
  rows([
    {
      name: "a high after a medium in rule order ranks first",
      given: [finding("account", "warn", { signedIn: false }), finding("vpn", "warn"), appleHostsFail()],
      want: ["vpn/high", "signed-out/medium"],
    },
    {
      name: "an outage that is only maintenance ranks after a high",
      given: [finding("apple-status", "warn", { issues: [{ type: "Maintenance" }] }), offline],
      want: ["offline/high", "apple-outage/medium"],
    },
    {
      name: "a medium ranks before a low found earlier",
      given: [finding("push", "warn"), finding("account", "warn", { signedIn: false })],
      want: ["signed-out/medium", "push-blocked/low"],
    },
    {
      name: "a high ranks before a low found earlier",
      given: [finding("hosts-file", "warn", { pinnedHosts: ["gsa.apple.com"] }), tls],
      want: ["tls-inspection/high", "hosts-file/low"],
    },
    {
      name: "equal confidence keeps rule order",
      given: [
        finding("apple-status", "fail", { issues: [{ type: "Outage" }] }),
        captive,
        finding("restrictions", "fail", { restricted: true }),
      ],
      want: ["apple-outage/high", "captive-portal/high", "restricted/high"],
    },
  ]);

  it("the order of the findings doesn't matter", () => {
    const given = passingRun(finding("account", "warn", { signedIn: false }), finding("vpn", "warn"), appleHostsFail());
    expect(ranked([...given].reverse())).toEqual(ranked(given));
  });
});
