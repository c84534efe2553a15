import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/core/diagnose";
import type { Finding } from "../../src/core/types";
import { finding, line, passingRun } from "../support/findings";

// The rules for this Mac's own files (/etc/hosts lines, /etc/resolver files:
// src/core/hosts-file-rules.ts) and for address families
// (src/core/diagnose-network.ts), on hand-made findings shaped as the
// hosts-file and apple-hosts probes return them: which cause, how confident,
// what it tells the user to delete, and the evidence it shows.
// test/core/resolver-files.test.ts and address-families.test.ts run the same
// rules end to end on recorded scenarios.

const SENTENCE = "/etc/resolver/apple.com sends apple.com to 10.0.0.53";
const DETAIL = "/etc/resolver/apple.com: apple.com → 10.0.0.53 (catches gsa.apple.com)";
const resolver = (data: Record<string, unknown> = {}, details: string[] = [DETAIL], status: "warn" | "fail" = "warn") =>
  finding(
    "hosts-file",
    status,
    {
      resolverHosts: ["gsa.apple.com", "idmsa.apple.com", "appleid.apple.com", "account.apple.com", "gsas.apple.com"],
      resolverSummary: SENTENCE,
      resolverFiles: [{ path: "/etc/resolver/apple.com", hosts: ["gsa.apple.com"] }],
      ...data,
    },
    { summary: `${SENTENCE}, so this Mac asks that server for Apple's sign-in hosts`, details },
  );
const dnsFails = (...hosts: string[]) => finding("dns", "fail", { verdict: "system-fails", hostsAffected: hosts });
const unreachable = (...hosts: string[]) =>
  finding("apple-hosts", "fail", { hosts: hosts.map((host) => ({ host, reachable: false })) });
const top = (...given: Finding[]) => diagnose(passingRun(...given))[0];

describe("an /etc/resolver file", () => {
  it("while every lookup works: a low lead that says how to remove it if sign-in fails", () => {
    const c = top(resolver());
    expect([c.cause, c.confidence, c.fixes]).toEqual(["hosts-file", "low", ["flush-dns"]]);
    expect(c.summary).toBe(
      `${SENTENCE}. Nothing failed now, but that file overrides the network's DNS for Apple's names. If sign-in fails: delete that file (in Terminal: \`sudo rm /etc/resolver/apple.com\`), or turn off the app that wrote it, then Flush DNS Cache.`,
    );
  });

  it.each<[string, Finding[], string]>([
    ["one name failing to resolve", [dnsFails("gsa.apple.com")], "gsa.apple.com fails there while public DNS finds it"],
    [
      "the same name failing to resolve and to connect: named once",
      [dnsFails("gsa.apple.com"), unreachable("gsa.apple.com")],
      "gsa.apple.com fails there while public DNS finds it",
    ],
    [
      "two names",
      [dnsFails("gsa.apple.com", "idmsa.apple.com")],
      "gsa.apple.com and idmsa.apple.com fail there while public DNS finds them",
    ],
    [
      "three names, one of them only unreachable",
      [dnsFails("gsa.apple.com", "idmsa.apple.com"), unreachable("appleid.apple.com")],
      "gsa.apple.com, idmsa.apple.com and appleid.apple.com fail there",
    ],
    [
      "five names: the first four, then …",
      [dnsFails("gsa.apple.com", "idmsa.apple.com", "appleid.apple.com", "account.apple.com", "gsas.apple.com")],
      "gsa.apple.com, idmsa.apple.com, appleid.apple.com and account.apple.com … fail there",
    ],
    [
      "a failing name the file doesn't send is not named",
      [dnsFails("setup.icloud.com", "gsa.apple.com")],
      `${SENTENCE}, and gsa.apple.com fails there`,
    ],
  ])("a name it sends that fails: high, the blocker, naming it: %s", (_name, given, words) => {
    const c = top(resolver(), ...given);
    expect([c.cause, c.confidence]).toEqual(["hosts-file", "high"]);
    expect(c.summary).toContain(words);
  });

  it("only names that fail elsewhere: still a low lead", () => {
    expect(top(resolver(), dnsFails("setup.icloud.com"))).toMatchObject({ cause: "dns", confidence: "high" });
    const causes = diagnose(passingRun(resolver(), dnsFails("setup.icloud.com")));
    expect(causes.find((c) => c.cause === "hosts-file")?.confidence).toBe("low");
  });

  it("names only the files that catch a sign-in host, in one command each", () => {
    const files = [
      { path: "/etc/resolver/apple.com", hosts: ["gsa.apple.com"] },
      { path: "/etc/resolver/mzstatic.com", hosts: [] },
      { path: "/etc/resolver/icloud.com", hosts: ["setup.icloud.com"] },
    ];
    const c = top(resolver({ resolverFiles: files }), dnsFails("gsa.apple.com"));
    expect(c.summary).toContain(
      "Fix: delete those files (in Terminal: `sudo rm /etc/resolver/apple.com`, `sudo rm /etc/resolver/icloud.com`), or turn off the app that wrote them, then Flush DNS Cache.",
    );
    expect(c.summary).not.toContain("mzstatic");
  });

  it("evidence: the finding, then its first three /etc/resolver lines and nothing else", () => {
    const details = [
      "Also: line 4 pins gsa.apple.com",
      "/etc/resolver/a: 1",
      "/etc/resolver/b: 2",
      "x",
      "/etc/resolver/c: 3",
    ];
    const c = top(resolver({}, [...details, "/etc/resolver/d: 4"]));
    expect(c.evidence).toEqual([
      `Hosts File: ${SENTENCE}, so this Mac asks that server for Apple's sign-in hosts`,
      "/etc/resolver/a: 1",
      "/etc/resolver/b: 2",
      "/etc/resolver/c: 3",
    ]);
  });

  it("leads over an /etc/hosts line that only pins a host", () => {
    const c = top(resolver({ pinnedHosts: ["idmsa.apple.com"], lines: [{ line: 4, kind: "sign-in" }] }));
    expect(c.summary.startsWith(`${SENTENCE}. Nothing failed now`)).toBe(true);
  });
});

describe("an /etc/hosts line", () => {
  const hosts = (data: Record<string, unknown>) =>
    finding("hosts-file", "fail", data, { summary: "Your /etc/hosts sends gsa.apple.com to 0.0.0.0 (line 53)" });

  it("one blocking line: says which to delete and how, and nothing about /etc/resolver", () => {
    const c = top(hosts({ blockedHosts: ["gsa.apple.com"], lines: [{ line: 53, kind: "sign-in" }] }));
    expect(c.summary).toBe(
      "Your /etc/hosts sends gsa.apple.com to 0.0.0.0 (line 53). That file answers before any DNS server, so this Mac can't reach Apple's sign-in servers whatever the network does. Fix: delete line 53 (in Terminal: `sudo nano /etc/hosts`, remove it, save with Control-O), or turn off the app that wrote it, then Flush DNS Cache.",
    );
  });

  it("blocking lines and a resolver file: both to delete, the lines first", () => {
    const c = top(
      hosts({
        blockedHosts: ["gsa.apple.com"],
        lines: [
          { line: 53, kind: "sign-in" },
          { line: 54, kind: "sign-in" },
        ],
        resolverHosts: ["idmsa.apple.com"],
        resolverSummary: SENTENCE,
      }),
    );
    expect(c.confidence).toBe("high");
    expect(c.summary).toContain("Fix: delete lines 53, 54 (in Terminal: `sudo nano /etc/hosts`, remove them,");
    expect(c.summary.endsWith(`then Flush DNS Cache. Also, ${SENTENCE}: delete that too.`)).toBe(true);
  });
});

describe("address families", () => {
  it("broken IPv6: a medium lead, evidence the sign-in check and the internet check", () => {
    const ipv6 = finding("apple-hosts", "warn", { ipv6Broken: ["gsa.apple.com"] });
    const c = top(ipv6);
    expect([c.cause, c.confidence, c.fixes]).toEqual(["blocked", "medium", ["open-network-settings"]]);
    expect(c.evidence).toEqual([line("apple-hosts", "warn"), line("internet", "pass")]);
  });

  it("no IPv4 and no NAT64: high, evidence the sign-in check and the internet check", () => {
    const none = finding("apple-hosts", "fail", {
      noIpv4: ["gsa.apple.com"],
      hosts: [{ host: "gsa.apple.com", reachable: false }],
    });
    const c = top(none);
    expect([c.cause, c.confidence, c.fixes]).toEqual(["blocked", "high", ["open-network-settings"]]);
    expect(c.evidence).toEqual([line("apple-hosts", "fail"), line("internet", "pass")]);
  });
});

describe("a clean run", () => {
  it("says how many checks passed and where to look next, nothing about checks that didn't run", () => {
    expect(top().summary).toBe(
      "No problem found in 8 checks: this Mac can reach Apple's sign-in servers. If sign-in still fails, check Apple's System Status and whether your password works on another device.",
    );
  });
});
