import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFullChecklist } from "../../src/core/checklist";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createRecordingHost } from "../../src/core/host/record";
import { createReplayHost } from "../../src/core/host/replay";
import type { Finding } from "../../src/core/types";
import * as scenarios from "../support/scenarios";

// IPv6-only networks, NAT64 and broken IPv6 (issue 18, item 5), and whether Apple's sign-in
// service itself answers (item 6), through recordings as `--replay` reads them.

const run = async (rec: Recording) => runFullChecklist(createReplayHost(parseRecording(JSON.stringify(rec))));
const byProbe = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.probe, f]));
const NETSTAT = ["/usr/sbin/netstat", "-rn"];

/** IPv6 only with no NAT64: the hosts with only A records can't be reached at all. */
function noIpv4NoNat64() {
  const r = scenarios.ipv6OnlyNoClat();
  const v4only = ["idmsa.apple.com", "setup.icloud.com"];
  r.tcp = r.tcp.filter((t) => t.host !== "64:ff9b::101:101");
  r.dns = r.dns.map((d) =>
    d.name === "ipv4only.arpa"
      ? { ...d, addresses: ["192.0.0.170", "192.0.0.171"] }
      : d.server === "system" && v4only.includes(d.name)
        ? { ...d, addresses: (d.addresses ?? []).filter((a) => !a.includes(":")) }
        : d,
  );
  r.tls = r.tls
    .filter((t) => !(v4only.includes(t.host) && t.family))
    .map((t) => (v4only.includes(t.host) ? { host: t.host, port: t.port, error: "ENETUNREACH" } : t));
  return r;
}

describe("IPv6-only and NAT64", () => {
  it("IPv6-only with NAT64 and CLAT (real route and en0): sign-in works, and the finding says how", async () => {
    const { findings, causes } = await run(scenarios.ipv6Nat64());
    const f = byProbe(findings);
    expect(f.internet).toMatchObject({
      status: "pass",
      summary: "Connected to the internet (IPv6 only: IPv4 through CLAT and NAT64 64:ff9b::/96)",
    });
    expect(f.internet.details).toContain(
      "CLAT: on en0 (192.0.0.2; NAT64 prefix 64:ff9b::/96): macOS translates IPv4 over IPv6",
    );
    expect(f.internet.details).toContain(
      "NAT64: ipv4only.arpa answers 64:ff9b::c000:aa, 64:ff9b::c000:ab (prefix 64:ff9b::/96, RFC 7050)",
    );
    expect(f["apple-hosts"]).toMatchObject({ status: "pass", summary: "All 6 sign-in servers answer" });
    expect(f["apple-hosts"].details).toEqual(
      expect.arrayContaining(["Over IPv4: all answer", "Over IPv6: all answer"]),
    );
    expect(causes[0]).toMatchObject({ cause: "none", confidence: "high" });
  });

  it("IPv6-only with NAT64 but no CLAT: 1.1.1.1 is unreachable, its NAT64 address answers, so the internet works", async () => {
    const { findings, causes } = await run(scenarios.ipv6OnlyNoClat());
    const f = byProbe(findings);
    expect(f.internet).toMatchObject({
      status: "pass",
      summary: "Connected to the internet over IPv6 only, through NAT64 (64:ff9b::/96)",
    });
    expect(f.internet.details).toContain("[64:ff9b::101:101]:443 (1.1.1.1 through NAT64) open");
    expect(f.internet.details).toContain("IPv4: no default route");
    expect(causes[0]).toMatchObject({ cause: "none", confidence: "high" });
  });

  it("no IPv4 and no NAT64: hosts without an IPv6 address are out of reach, one cause that says why", async () => {
    const { findings, causes } = await run(noIpv4NoNat64());
    const f = byProbe(findings);
    expect(f.internet).toMatchObject({
      status: "warn",
      summary:
        "Internet works over IPv6 only, and this network has no NAT64: servers without an IPv6 address are out of reach",
    });
    expect(f["apple-hosts"]).toMatchObject({
      status: "fail",
      summary:
        "Can't reach idmsa.apple.com and setup.icloud.com: they have no IPv6 address, and this Mac has no IPv4 route and no NAT64",
    });
    expect(causes[0]).toMatchObject({ cause: "blocked", confidence: "high" });
    expect(causes[0].summary).toMatch(/needs NAT64 \(with DNS64\).*remove them so the network's own DNS/);
    expect(causes.filter((c) => c.cause === "blocked")).toHaveLength(1);
  });

  it("broken IPv6: fine over IPv4, gsa.apple.com times out over IPv6: said as such, a medium lead", async () => {
    const { findings, causes } = await run(scenarios.brokenIpv6());
    const f = byProbe(findings);
    expect(f["apple-hosts"]).toMatchObject({
      status: "warn",
      summary: "Sign-in servers answer over IPv4, but over IPv6 gsa.apple.com fails (timed out)",
    });
    expect(f["apple-hosts"].details).toContain("Over IPv4: all answer");
    expect(f["apple-hosts"].details.at(-1)).toMatch(/^Over IPv6: .* answer; gsa\.apple\.com timed out$/);
    expect(causes[0]).toMatchObject({ cause: "blocked", confidence: "medium", fixes: ["open-network-settings"] });
    expect(causes[0].summary).toMatch(/IPv6 is broken .* Link-Local Only/);
  });

  it("an IPv6 handshake failing on a Mac with no IPv6 route is no fault: IPv6 isn't tested there", async () => {
    const r = scenarios.brokenIpv6();
    r.exec = r.exec.map((e) =>
      JSON.stringify(e.command) === JSON.stringify(NETSTAT)
        ? { ...e, stdout: readFileSync(join(__dirname, "../fixtures/netstat-rn-ipv4-only-utun.txt"), "utf8") }
        : e,
    );
    const { findings, causes } = await run(r);
    expect(byProbe(findings)["apple-hosts"]).toMatchObject({ status: "pass" });
    expect(byProbe(findings)["apple-hosts"].details.some((d) => d.startsWith("Over IPv6"))).toBe(false);
    expect(causes[0]).toMatchObject({ cause: "none" });
  });
});

describe("Apple's sign-in service, not just a TLS server", () => {
  it("a block page answers GrandSlam's lookup while every handshake completes: blocked, naming what answered", async () => {
    const { findings, causes } = await run(scenarios.blockPage());
    const f = byProbe(findings);
    expect(f["apple-hosts"]).toMatchObject({
      status: "fail",
      summary:
        'gsa.apple.com answers, but not as Apple\'s sign-in service: its lookup returned a web page titled "Web Page Blocked" (HTTP 403)',
    });
    expect(causes[0]).toMatchObject({ cause: "blocked", confidence: "high" });
    expect(causes[0].summary).toMatch(
      /Something answers in place of Apple's sign-in service, probably a web filter or proxy/,
    );
  });

  it("Apple's plist: the service answers, said in the details", async () => {
    const { findings } = await run(scenarios.ipv6Nat64());
    expect(byProbe(findings)["apple-hosts"].details).toContain(
      "gsa.apple.com sign-in lookup: Apple's answer (a plist of 5 service URLs, HTTP 200)",
    );
  });

  it("the block page behind HTTPS inspection is the inspection's evidence, not a second cause", async () => {
    const r = scenarios.httpsInterception();
    r.http.push(scenarios.blockPage().http.at(-1)!);
    const { causes } = await run(r);
    expect(causes[0].cause).toBe("tls-inspection");
    expect(causes[0].evidence.some((e) => e.includes('"Web Page Blocked"'))).toBe(true);
    expect(causes.map((c) => c.cause)).not.toContain("blocked");
  });

  it("the block page with LuLu active: LuLu named as what answers in Apple's place", async () => {
    const r = scenarios.networkFilter();
    r.tls = scenarios.healthy().tls;
    r.http.push(scenarios.blockPage().http.at(-1)!);
    const { causes } = await run(r);
    expect(causes[0]).toMatchObject({ cause: "network-filter", confidence: "high" });
    expect(causes[0].summary).toMatch(/^LuLu is active and a web page answers in place of Apple's sign-in service/);
  });

  it("a lookup that times out is a detail, not a verdict (the handshakes decide)", async () => {
    const r = scenarios.healthy();
    r.http.push({ url: scenarios.LOOKUP_URL, error: "ETIMEDOUT" });
    const { findings } = await run(r);
    expect(byProbe(findings)["apple-hosts"]).toMatchObject({ status: "pass" });
    expect(byProbe(findings)["apple-hosts"].details.at(-1)).toBe("gsa.apple.com sign-in lookup: timed out");
  });
});

describe("the new inputs through the recording host", () => {
  it("record → replay keeps the per-family handshakes and the lookup: identical findings", async () => {
    const recorder = createRecordingHost(createReplayHost(parseRecording(JSON.stringify(scenarios.brokenIpv6()))));
    const live = await runFullChecklist(recorder);
    const recording = recorder.recording();
    expect(recording.tls!.filter((t) => t.family === 6 && t.error === "ETIMEDOUT").map((t) => t.host)).toEqual([
      "gsa.apple.com",
    ]);
    expect(recording.http!.some((h) => h.url === scenarios.LOOKUP_URL && h.body?.includes("<plist"))).toBe(true);
    expect(recording.exec!.some((e) => e.command[0] === "/usr/sbin/netstat")).toBe(true);
    const replayed = await run(recording);
    const view = (r: typeof live) =>
      r.findings.map((f) => [f.probe, f.status, f.summary, f.details.join("|").replace(/\(\d+ ms\)|clock: \S+/g, "")]);
    expect(view(replayed)).toEqual(view(live));
  });
});

describe("recordings made before these inputs replay as they always did", () => {
  const dir = join(__dirname, "../fixtures/recordings");
  const NEW = ["ipv6-nat64.json", "broken-ipv6.json", "block-page.json"];
  it.each(readdirSync(dir).filter((n) => !NEW.includes(n)))("%s: no family, NAT64 or lookup lines", async (name) => {
    const { findings } = await run(parseRecording(readFileSync(join(dir, name), "utf8")));
    for (const f of findings.filter((x) => x.probe === "internet" || x.probe === "apple-hosts")) {
      expect(f.details.filter((d) => /^(Over IPv|IPv[46]:|NAT64|CLAT)|sign-in lookup/.test(d))).toEqual([]);
    }
  });
});
